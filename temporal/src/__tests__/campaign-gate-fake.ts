import { ApplicationFailure, Context } from "@temporalio/activity";
import {
  decideSend, pickGapSeconds, typingMillis, type PacingPolicy, type SenderPacingState,
} from "@voltura/domain";
import type { CampaignActivities, CampaignGateAnswer, SendWhatsAppOutcome, WhatsAppActivities } from "@voltura/workflows";
import { WHATSAPP_SEND_FAILURES } from "@voltura/workflows";

/**
 * Commerce's campaign gate and the WhatsApp gateway, in memory, for worker tests: the same rules
 * as the real gate (the pure `decideSend` / `pickGapSeconds` of @voltura/domain on the server's
 * skipped clock), the same claim → sent/failed record, an idempotent transport that logs every
 * transmit. The pacer and run workflows, their timers and signals are real.
 */
export interface FakeRecipient {
  id: string;
  campaignId: string;
  runNo: number;
  sessionId: string;
  phone: string;
  key: string;
  status: "queued" | "sending" | "sent" | "failed";
  reason: string | null;
  claims: number;
}

export interface Transmit {
  key: string;
  sessionId: string;
  recipientId: string;
  atMs: number;
}

interface FakeSender {
  policy: PacingPolicy;
  state: SenderPacingState;
  sendsSinceExtraPause: number;
  /** Gaps chosen with an extra pause, by the send they follow. */
  extraPauses: number;
}

const HOUR = 3_600_000;
const now = () => Context.current().info.currentAttemptScheduledTimestampMs;

export class CampaignGateFake {
  readonly recipients = new Map<string, FakeRecipient>();
  readonly transmits: Transmit[] = [];
  /** Every sendWhatsApp call, including a repeated key (the transport answers it without sending again). */
  sendCalls = 0;
  readonly campaignStatus = new Map<string, string>();
  readonly senders = new Map<string, FakeSender>();
  readonly optedOutPhones = new Set<string>();
  emergencyStoppedAt: number | null = null;
  /** Every workflow run that asked the gate (pacer runs, including ended and continued ones): workflowId → runIds. */
  readonly runs = new Map<string, Set<string>>();
  private readonly queues = new Map<string, FakeRecipient[]>();
  private readonly byKey = new Map<string, Transmit>();
  private seed = 7;

  addSender(sessionId: string, policy: PacingPolicy): void {
    this.senders.set(sessionId, {
      policy, sendsSinceExtraPause: 0, extraPauses: 0,
      state: { last_sent_at: null, next_gap_seconds: null, sent_today: 0, timelock_until: null, paused_reason: null },
    });
    this.queues.set(sessionId, []);
  }

  /** Recipients round-robin over the campaign's senders, as the launch freezes them. */
  addCampaign(campaignId: string, sessionIds: string[], phones: string[]): FakeRecipient[] {
    this.campaignStatus.set(campaignId, "running");
    return phones.map((phone, i) => {
      const recipient: FakeRecipient = {
        id: `crcp_${campaignId}_${i}`, campaignId, runNo: 1, sessionId: sessionIds[i % sessionIds.length]!, phone,
        key: `campaign:${campaignId}:${phone}`, status: "queued", reason: null, claims: 0,
      };
      this.recipients.set(recipient.id, recipient);
      this.queues.get(recipient.sessionId)!.push(recipient);
      return recipient;
    });
  }

  sender(sessionId: string): FakeSender {
    return this.senders.get(sessionId)!;
  }

  /** A deterministic stand-in for Math.random, so a failing run can be replayed. */
  private random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return this.seed / 2_147_483_648;
  }

  private next(sessionId: string, at: number): CampaignGateAnswer {
    if (this.emergencyStoppedAt !== null) return { action: "wait", until: new Date(at + HOUR).toISOString(), reason: "emergency_stop" };
    const sender = this.sender(sessionId);
    const decision = decideSend(sender.policy, sender.state, new Date(at));
    if (decision.kind === "paused") return { action: "wait", until: new Date(at + HOUR).toISOString(), reason: "paused" };
    const queue = this.queues.get(sessionId)!;
    while (queue.length > 0 && (queue[0]!.status === "sent" || queue[0]!.status === "failed")) queue.shift();
    const running = (r: FakeRecipient) => this.campaignStatus.get(r.campaignId) === "running";
    const recipient = queue.find((r) => r.status === "sending" && running(r)) ?? queue.find((r) => r.status === "queued" && running(r));
    if (!recipient) return { action: "idle" };
    if (decision.kind === "wait") return { action: "wait", until: decision.until.toISOString(), reason: decision.reason };
    recipient.status = "sending";
    recipient.claims++;
    const body = `Hai ${recipient.phone}, tawaran servis skrin minggu ini.`;
    return {
      action: "send", recipientId: recipient.id, campaignId: recipient.campaignId, runNo: recipient.runNo, to: recipient.phone,
      body, media: null, idempotencyKey: recipient.key, typingMs: typingMillis(body),
    };
  }

  private recordSent(recipientId: string, at: number): void {
    const recipient = this.recipients.get(recipientId)!;
    if (recipient.status === "sent") return;
    recipient.status = "sent";
    const sender = this.sender(recipient.sessionId);
    const sameDay = sender.state.last_sent_at !== null && shopDay(sender.state.last_sent_at.getTime()) === shopDay(at);
    sender.sendsSinceExtraPause++;
    const gap = pickGapSeconds(sender.policy, sender.sendsSinceExtraPause, () => this.random());
    if (gap.extraPause) {
      sender.sendsSinceExtraPause = 0;
      sender.extraPauses++;
    }
    sender.state = { ...sender.state, last_sent_at: new Date(at), next_gap_seconds: gap.seconds, sent_today: sameDay ? sender.state.sent_today + 1 : 1 };
  }

  campaignActivities(): Omit<CampaignActivities, "wakeCampaignPacers"> {
    return {
      nextCampaignSend: async ({ sessionId }) => {
        const { workflowId, runId } = Context.current().info.workflowExecution ?? { workflowId: "?", runId: "?" };
        if (!this.runs.has(workflowId)) this.runs.set(workflowId, new Set());
        this.runs.get(workflowId)!.add(runId);
        return this.next(sessionId, now());
      },
      recordCampaignSent: async ({ sessionId, recipientId }) => {
        this.recordSent(recipientId, now());
        return this.next(sessionId, now());
      },
      recordCampaignFailed: async ({ recipientId, reason }) => {
        const recipient = this.recipients.get(recipientId)!;
        if (recipient.status !== "sending") return;
        Object.assign(recipient, { status: "failed", reason });
      },
      campaignProgress: async ({ campaignId }) => {
        let remaining = 0;
        for (const r of this.recipients.values()) if (r.campaignId === campaignId && (r.status === "queued" || r.status === "sending")) remaining++;
        if (remaining === 0 && this.campaignStatus.get(campaignId) === "running") this.campaignStatus.set(campaignId, "completed");
        return { remaining, done: remaining === 0, status: this.campaignStatus.get(campaignId) ?? "cancelled" };
      },
    };
  }

  whatsAppActivities(): WhatsAppActivities {
    return {
      sendWhatsApp: async (input): Promise<SendWhatsAppOutcome> => {
        this.sendCalls++;
        if (this.optedOutPhones.has(input.to)) {
          throw ApplicationFailure.create({ message: `${input.to} opted out`, type: WHATSAPP_SEND_FAILURES.optedOut, nonRetryable: true });
        }
        const known = this.byKey.get(input.idempotencyKey);
        if (!known) {
          const transmit = { key: input.idempotencyKey, sessionId: input.sessionId ?? "", recipientId: input.context?.ref ?? "", atMs: now() };
          this.byKey.set(transmit.key, transmit);
          this.transmits.push(transmit);
        }
        return { messageId: `wa_msg_${input.idempotencyKey}`, waMessageId: null, status: "sent" };
      },
    };
  }
}

const dayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kuala_Lumpur", year: "numeric", month: "2-digit", day: "2-digit" });
/** The shop's calendar day of an instant. */
export const shopDay = (atMs: number) => dayFormat.format(new Date(atMs));
