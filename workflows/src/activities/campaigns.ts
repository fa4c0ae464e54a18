/** Activities of campaign sending (the pacer and the run), as workflows see them (types only). */

export interface CampaignSendOrder {
  action: "send";
  recipientId: string;
  campaignId: string;
  runNo: number;
  to: string;
  body: string;
  media: { url?: string; file_id?: string; mimetype: string; filename?: string; caption?: string } | null;
  /** The recipient's key: a retried or re-offered send is the same WhatsApp message. */
  idempotencyKey: string;
  typingMs: number;
  /** A recipient on the template route: the approved template with its rendered params (Cloud API numbers). */
  template?: { name: string; language: string; params: string[] } | null;
}

/** The commerce gate's answer for one sender: send this one now, wait until an instant, or no work. */
export type CampaignGateAnswer =
  | CampaignSendOrder
  | { action: "wait"; until: string; reason: string }
  | { action: "idle" };

export interface CampaignProgress {
  /** Recipients of the run still queued or sending. */
  remaining: number;
  /** Nothing of the run is left to send (commerce then completes the run). */
  done: boolean;
  /** The campaign's status (running, paused, completed, cancelled, …). */
  status: string;
  /** The campaign's senders, when commerce says. */
  sessionIds?: string[];
}

export interface CampaignActivities {
  /**
   * Asks the gate; a send answer claims the recipient (status sending) until it is recorded, and
   * starts the typing presence to that chat (best effort) so the pacer only has to wait `typingMs`.
   */
  nextCampaignSend(input: { sessionId: string }): Promise<CampaignGateAnswer>;
  /**
   * The gateway accepted the message: the recipient is sent (idempotent). Then asks the gate for
   * this sender's next step, as `nextCampaignSend` does (one round trip per send instead of two).
   */
  recordCampaignSent(input: { sessionId: string; recipientId: string; messageId: string; status: "sent" | "delivered" | "read" }): Promise<CampaignGateAnswer>;
  /** A final send failure (opted out, refused): the recipient is failed with the reason (idempotent). */
  recordCampaignFailed(input: { recipientId: string; reason: string; code?: string | number }): Promise<void>;
  /** What is left of a run (and completes it when nothing is). */
  campaignProgress(input: { campaignId: string; runNo: number }): Promise<CampaignProgress>;
  /**
   * Pacers of these senders: `wake` signals each (starting it if needed); `ensure` starts the ones
   * that are not running and leaves running ones alone.
   */
  wakeCampaignPacers(input: { sessionIds: string[]; mode: "wake" | "ensure"; reason: string }): Promise<void>;
}
