import { model } from "@medusajs/framework/utils";

/**
 * A WhatsApp campaign: what to send (BM/EN templates, media), to whom (audience filter or imported list),
 * from which numbers (session_ids) and when (schedule). Recipients are frozen per run at launch.
 * Named WhatsAppCampaign: Medusa's promotion module already owns the query alias "campaign".
 */
export const Campaign = model
  .define({ name: "WhatsAppCampaign", tableName: "campaign" }, {
    id: model.id({ prefix: "camp" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    status: model.enum(["draft", "scheduled", "running", "paused", "completed", "cancelled"]).default("draft"),
    session_ids: model.json<string[]>().default([] as never),
    schedule: model.json().default({ kind: "now" } as never),
    needs_confirmation: model.boolean().default(false),
    stale_after_minutes: model.number().default(60),
    template_ms: model.text().default(""),
    template_en: model.text().default(""),
    fallbacks: model.json().default({} as never),
    media: model.json().nullable(),
    audience: model.json().default({ mode: "filter", filter: {}, freeze_at_launch: true } as never),
    reply_window_days: model.number().default(3),
    conversion_window_days: model.number().default(14),
    /** fixed: round-robin over session_ids; auto: chat numbers for warm contacts, the Cloud API template for cold ones. */
    routing: model.enum(["fixed", "auto"]).default("fixed"),
    /** `{ session_id, name, language, params }`: the approved template a Cloud API number sends (null: none). */
    cloud_template: model.json().nullable(),
    recent_chat_days: model.number().default(30),
    run_no: model.number().default(0),
    /** The next firing of a scheduled campaign (schedule "at" or the recurring schedule's next time). */
    next_run_at: model.dateTime().nullable(),
    /** Outbox: the run whose Temporal workflow still has to be started (null: nothing due). */
    start_due: model.number().nullable(),
    created_by: model.text().nullable(),
    launched_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
    stopped_reason: model.text().nullable(),
  });
