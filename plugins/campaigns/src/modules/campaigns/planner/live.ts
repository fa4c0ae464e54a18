import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { LIVE_EVENTS } from "@voltura/domain";
import { rows, sqlConnection } from "@voltura/medusa-kit";

/** A campaign's progress is announced at most this often per process (sends are paced seconds apart anyway). */
export const PROGRESS_GAP_MS = 1_000;

/** Whether a progress change for the campaign may go out now; remembers when it last did. */
export function progressDue(last: Map<string, number>, campaignId: string, now: number, gapMs = PROGRESS_GAP_MS): boolean {
  const previous = last.get(campaignId);
  if (previous !== undefined && now - previous < gapMs) return false;
  last.set(campaignId, now);
  if (last.size > 1_000) last.delete(last.keys().next().value!);
  return true;
}

const lastProgress = new Map<string, number>();

/** Emits a campaign event for live updates after the write committed; best effort (a lost one only delays a refresh). */
export async function announceCampaign(container: MedusaContainer, name: string, data: Record<string, unknown>): Promise<void> {
  try {
    await container.resolve(Modules.EVENT_BUS).emit({ name, data });
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Campaign change ${name} not announced: ${(error as Error).message}`);
  }
}

/** After a recipient's send or failure is recorded: the campaign's progress, at most once a second. */
export async function announceProgress(container: MedusaContainer, recipientId: string): Promise<void> {
  try {
    const [row] = await rows(sqlConnection(container), `SELECT campaign_id FROM campaign_recipient WHERE id = ?`, [recipientId]);
    const campaignId = row ? String(row.campaign_id) : null;
    if (campaignId && progressDue(lastProgress, campaignId, Date.now())) await announceCampaign(container, LIVE_EVENTS.campaignProgress, { id: campaignId });
  } catch (error) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`Campaign progress not announced: ${(error as Error).message}`);
  }
}
