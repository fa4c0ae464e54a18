import type {
  AccountLimits,
  E164,
  MessagingLimitTier,
  PresenceState,
  QualityRating,
  ReceiptStatus,
  TransportEventMap,
  TransportEventName,
  WhatsAppTransport,
} from "../types.js";

/** Limits for the medium to announce; adapters without a tier (Baileys, simulator) ignore the tier fields. */
export interface LimitsAnnouncement {
  reachoutTimelockUntil: string | null;
  newChatMessageCap: number | null;
  messagingLimitTier?: MessagingLimitTier;
  qualityRating?: QualityRating;
}

/** What accountLimits() answers at first, and after each of two announcements (a restriction, then its lifting). */
export interface LimitsScenario {
  initial: Partial<AccountLimits>;
  raise: { announce: LimitsAnnouncement; expect: Partial<AccountLimits> };
  lift: { announce: LimitsAnnouncement; expect: Partial<AccountLimits> };
}

/** WhatsApp Web's limits: no timelock and no cap by default; a timelock with a 50-chat cap, then the timelock lifted. */
export function reachoutLimitsScenario(until: string): LimitsScenario {
  return {
    initial: { reachoutTimelockUntil: null, newChatMessageCap: null },
    raise: {
      announce: { reachoutTimelockUntil: until, newChatMessageCap: 50 },
      expect: { reachoutTimelockUntil: until, newChatMessageCap: 50 },
    },
    lift: { announce: { reachoutTimelockUntil: null, newChatMessageCap: 50 }, expect: { reachoutTimelockUntil: null } },
  };
}

/** What the contract needs from an adapter under test: the transport and a hand on its medium. */
export interface TransportHarness {
  transport: WhatsAppTransport;
  /** Makes the medium deliver an inbound text; the same id again is a re-delivery. */
  deliverInbound(message: { id: string; from: E164; text: string }): Promise<void>;
  /** Makes the medium report a receipt for an outbound message. */
  deliverReceipt(messageId: string, status: ReceiptStatus): Promise<void>;
  /** How many messages really went out over the medium (read marks and typing are not messages). */
  transmittedCount(): number;
  /** The text of the last message that went out (a template as the customer reads it), if any. */
  lastTransmittedText(): string | undefined;
  /** The typing presences that went out over the medium, oldest first. */
  presences(): { to: E164; state: PresenceState }[];
  /** The presence states the medium can carry (default both). The Cloud API has no "paused": the indicator clears itself. */
  presenceStatesCarried?: readonly PresenceState[];
  /** The read marks that went out over the medium, oldest first. */
  readMarks(): { from: E164; messageId: string }[];
  /** Makes WhatsApp announce new limits (and answer the limits queries with them). */
  announceLimits(limits: LimitsAnnouncement): Promise<void>;
  /** The limits this medium has (default reachoutLimitsScenario: Baileys' timelock + new-chat cap). */
  limitsScenario?(until: string): LimitsScenario;
  /**
   * Makes WhatsApp refuse the next send the way WhatsApp Web reports 463 / 401 / 403; a medium with
   * its own error codes refuses with its equivalent (Cloud API: 131031, 190, 10).
   */
  refuseNextSend(statusCode: number): void;
  /** The fields a refusal for `statusCode` carries besides its code (default `{ statusCode }`; Cloud API: its errorCode). */
  refusalFields?(statusCode: number): Record<string, unknown>;
  /** Makes WhatsApp refuse an already sent message in its acknowledgement / a failed status. */
  refuseAck(messageId: string, statusCode: number): Promise<void>;
  /** Required with capabilities.templates: the template is approved with this body ("Hai {{1}}"). */
  approveTemplate?(name: string, language: string, bodyText: string): Promise<void>;
  /** Required with capabilities.serviceWindow: the customer wrote within 24 h / did not. */
  openWindow?(phone: E164): void;
  closeWindow?(phone: E164): void;
  dispose?(): Promise<void>;
}

export type HarnessFactory = () => TransportHarness | Promise<TransportHarness>;

/** Records every payload of one event. */
export function recordEvents<E extends TransportEventName>(transport: WhatsAppTransport, event: E): TransportEventMap[E][] {
  const seen: TransportEventMap[E][] = [];
  transport.on(event, (payload) => seen.push(payload));
  return seen;
}

/** A harness method the adapter's capabilities make mandatory: missing is a harness bug, never a skipped case. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the harness must provide ${what} for an adapter with this capability`);
  return value;
}

/** Hands a case a harness and disposes of it after the case. */
export interface ContractContext {
  /** A new harness, not connected; with capabilities.serviceWindow, CUSTOMER's window is open. */
  fresh(): Promise<TransportHarness>;
  /** fresh(), then connected. */
  connected(): Promise<TransportHarness>;
}

/** The customer every case talks to. */
export const CUSTOMER: E164 = "+60123456789";

