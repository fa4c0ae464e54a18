import { model } from "@medusajs/framework/utils";

/** One person of one run of a campaign: the send checkpoint (status forward-only, one idempotency key). */
export const CampaignRecipient = model.define("campaign_recipient", {
  id: model.id({ prefix: "crcp" }).primaryKey(),
  campaign_id: model.text(),
  run_no: model.number(),
  customer_id: model.text().nullable(),
  phone: model.text(),
  name: model.text().nullable(),
  language: model.enum(["ms", "en"]).default("ms"),
  values: model.json().default({} as never),
  session_id: model.text().nullable(),
  /** chat (free text on a chat number) or template (the campaign's Cloud API template); null when skipped. */
  route: model.enum(["chat", "template"]).nullable(),
  status: model.enum(["queued", "sending", "sent", "delivered", "read", "failed", "skipped"]).default("queued"),
  reason: model.text().nullable(),
  idempotency_key: model.text(),
  body: model.text().nullable(),
  message_id: model.text().nullable(),
  claimed_at: model.dateTime().nullable(),
  sent_at: model.dateTime().nullable(),
  delivered_at: model.dateTime().nullable(),
  read_at: model.dateTime().nullable(),
  failed_at: model.dateTime().nullable(),
  replied_at: model.dateTime().nullable(),
  opted_out_at: model.dateTime().nullable(),
  converted_at: model.dateTime().nullable(),
  conversion_ref: model.text().nullable(),
});
