import { timingSafeEqual } from "node:crypto";

/**
 * Pure rules of the WhatsApp Cloud API webhook (Meta's Graph API calls the shop): which numbers a
 * delivery speaks for, the per-event de-duplication keys, the verification challenge, and the
 * stored error of a message WhatsApp reports as failed.
 */

interface WebhookChange {
  field?: unknown;
  value?: { metadata?: { phone_number_id?: unknown } } & Record<string, unknown>;
}
interface WebhookEntry {
  id?: unknown;
  changes?: unknown;
}

const entriesOf = (payload: unknown): WebhookEntry[] => {
  const entry = (payload as { entry?: unknown } | null)?.entry;
  return Array.isArray(entry) ? (entry as WebhookEntry[]) : [];
};
const changesOf = (entry: WebhookEntry): WebhookChange[] => (Array.isArray(entry.changes) ? (entry.changes as WebhookChange[]) : []);
const phoneNumberIdOf = (change: WebhookChange): string | null => {
  const id = change.value?.metadata?.phone_number_id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
};

/**
 * The numbers (phone number ids) and business accounts (WABA ids, `entry[].id`) a delivery names: the
 * sessions whose app secret may have signed it. Messages and statuses name the number; template and
 * account updates name only the account.
 */
export function webhookTargets(payload: unknown): { phoneNumberIds: string[]; wabaIds: string[] } {
  const phoneNumberIds = new Set<string>();
  const wabaIds = new Set<string>();
  for (const entry of entriesOf(payload)) {
    if (typeof entry.id === "string" || typeof entry.id === "number") wabaIds.add(String(entry.id));
    for (const change of changesOf(entry)) {
      const id = phoneNumberIdOf(change);
      if (id) phoneNumberIds.add(id);
    }
  }
  return { phoneNumberIds: [...phoneNumberIds], wabaIds: [...wabaIds] };
}

export interface CloudSessionTarget {
  phoneNumberId: string | null;
  wabaId: string | null;
}

/**
 * The part of a delivery that belongs to one session: changes naming its number, and account-level
 * changes (no number) of its business account. Null when nothing in it is the session's.
 */
export function payloadForSession(payload: unknown, session: CloudSessionTarget): { object: unknown; entry: WebhookEntry[] } | null {
  const entry: WebhookEntry[] = [];
  for (const e of entriesOf(payload)) {
    const accountMatches = session.wabaId !== null && String(e.id) === session.wabaId;
    const changes = changesOf(e).filter((change) => {
      const number = phoneNumberIdOf(change);
      return number !== null ? number === session.phoneNumberId : accountMatches;
    });
    if (changes.length) entry.push({ ...e, changes });
  }
  return entry.length ? { object: (payload as { object?: unknown }).object ?? "whatsapp_business_account", entry } : null;
}

/** De-duplication keys (`whatsapp_webhook_event.key`): Meta delivers at least once and may repeat any event. */
export const webhookEventKey = {
  inbound: (sessionId: string, waMessageId: string) => `msg:${sessionId}:${waMessageId}`,
  status: (sessionId: string, waMessageId: string, status: string) => `status:${sessionId}:${waMessageId}:${status}`,
  template: (sessionId: string, name: string, language: string, status: string, at: string) => `tpl:${sessionId}:${name}:${language}:${status}:${at}`,
};

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Meta's subscription check (`GET …?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`): the
 * challenge to echo when the token is one of the shop's Cloud API numbers' verify tokens, else null.
 */
export function verificationChallenge(query: Record<string, unknown>, verifyTokens: readonly string[]): string | null {
  const read = (name: string): string | null => {
    const flat = query[`hub.${name}`];
    const nested = (query.hub as Record<string, unknown> | undefined)?.[name];
    const value = flat ?? nested;
    return typeof value === "string" ? value : null;
  };
  const token = read("verify_token");
  const challenge = read("challenge");
  if (read("mode") !== "subscribe" || !token || challenge === null || challenge.length > 512) return null;
  // Every token is compared, so the time taken does not tell which one nearly matched.
  const matched = verifyTokens.map((known) => sameText(known, token)).some(Boolean);
  return matched ? challenge : null;
}

/** The stored error of a message WhatsApp reported as failed: its error code and title, as it gave them. */
export function cloudFailureError(errorCode: number | undefined, errorTitle: string | undefined, code?: string): string {
  const what = [errorCode, errorTitle].filter((part) => part !== undefined && part !== "").join(" ");
  return `WhatsApp could not deliver the message${what ? ` (${what})` : ""}${code ? `: ${code}` : ""}`.slice(0, 500);
}
