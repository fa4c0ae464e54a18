import { z } from "zod";

/**
 * Temporal names of campaign sending, shared by commerce (launch, resume, emergency stop) and the
 * worker. One `campaignRun` per campaign run watches progress; one `campaignPacer` per WhatsApp
 * number (sender) sends, across every campaign, as fast as the commerce gate allows.
 */
export const CAMPAIGN_RUN = {
  workflowType: "campaignRun",
  workflowId: (campaignId: string, runNo: number) => `campaign-${campaignId}-r${runNo}`,
  /** The Temporal Schedule of a recurring campaign. */
  scheduleId: (campaignId: string) => `campaign-schedule-${campaignId}`,
} as const;

export const CAMPAIGN_PACER = {
  workflowType: "campaignPacer",
  workflowId: (sessionId: string) => `pacer-${sessionId}`,
  signals: {
    /** Ask the gate again now (launch, resume, sender resumed, emergency stop released). */
    wake: "wake",
    /** Drop a send that has not reached the gateway yet and ask the gate again (emergency stop, pause). */
    stop: "stop",
  },
  query: "pacerState",
} as const;

const idSchema = z.string().trim().min(1).max(100);

export const campaignRunInputSchema = z.object({
  campaignId: idSchema,
  runNo: z.number().int().min(1),
  /** The senders of the campaign; when absent the run asks commerce (progress answer `session_ids`). */
  sessionIds: z.array(idSchema).max(50).optional(),
  /** Carried over continue-as-new: polls made so far (the history restarts every ~500 polls). */
  polls: z.number().int().min(0).default(0),
});
export type CampaignRunInput = z.input<typeof campaignRunInputSchema>;

export const campaignPacerInputSchema = z.object({
  sessionId: idSchema,
  /** Carried over continue-as-new: messages sent by this pacer since it started. */
  sentTotal: z.number().int().min(0).default(0),
  /** Minutes without work (and without a `wake`) after which the pacer ends; a later launch starts it again. */
  idleMinutes: z.number().int().min(1).max(24 * 60).default(60),
});
export type CampaignPacerInput = z.input<typeof campaignPacerInputSchema>;

export const pacerSignalSchema = z.object({ reason: z.string().max(200).optional() }).optional();
export type PacerSignal = z.infer<typeof pacerSignalSchema>;

/** How a campaign run ended: the campaign's status when nothing was left to send, or when it stopped. */
export interface CampaignRunResult {
  campaignId: string;
  runNo: number;
  status: string;
  remaining: number;
  polls: number;
}
