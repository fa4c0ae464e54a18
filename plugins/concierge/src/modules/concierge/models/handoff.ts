import { model } from "@medusajs/framework/utils";

/** A chat handed to a person. At most one open or claimed handoff per phone at a time. */
export const Handoff = model
  .define("concierge_handoff", {
    id: model.id({ prefix: "hoff" }).primaryKey(),
    phone: model.text(),
    customer_id: model.text().nullable(),
    reason: model.text(),
    summary: model.text().nullable(),
    job_number: model.text().nullable(),
    status: model.enum(["open", "claimed", "closed"]).default("open"),
    assigned_to: model.text().nullable(),
    assigned_name: model.text().nullable(),
    opened_at: model.dateTime(),
    last_staff_reply_at: model.dateTime().nullable(),
    escalated_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    closed_by: model.text().nullable(),
  })
  .indexes([{ on: ["phone", "status"] }, { on: ["status", "opened_at"] }]);
