import { model } from "@medusajs/framework/utils";

/**
 * A WhatsApp session as a campaign sender: its pacing policy and pacing state. The send gate locks this
 * row (FOR UPDATE) for every decision, so two gate calls for one number never both pass the gap.
 */
export const CampaignSender = model
  .define("campaign_sender", {
    id: model.id({ prefix: "csnd" }).primaryKey(),
    session_id: model.text(),
    /** PacingPolicy (@voltura/domain). */
    policy: model.json(),
    /** The last send (or final failure) recorded; the gap counts from here. */
    last_sent_at: model.dateTime().nullable(),
    /** The gap chosen at the last claim, in seconds. */
    next_gap_seconds: model.number().nullable(),
    /** Sends on the shop date of last_sent_at. */
    sent_today: model.number().default(0),
    /** Claims since the last extra pause. */
    sends_since_pause: model.number().default(0),
    /** The campaign of the last claim, for round-robin across campaigns. */
    last_campaign_id: model.text().nullable(),
    paused_at: model.dateTime().nullable(),
    /** "health" | "timelock" | "manual". */
    paused_reason: model.text().nullable(),
    paused_by: model.text().nullable(),
    /** The last resume by staff: health counts only what happened after it (no re-pause for the same signals). */
    resumed_at: model.dateTime().nullable(),
    /** Last health evaluation: { score, verdict, reasons, computed_at }. */
    health: model.json().nullable(),
    /** The pause whose managers' alert went out (alert once per pause). */
    alerted_pause_at: model.dateTime().nullable(),
    timelock_until: model.dateTime().nullable(),
    new_chat_cap: model.number().nullable(),
  })
  .indexes([{ on: ["session_id"], unique: true, where: "deleted_at IS NULL" }]);
