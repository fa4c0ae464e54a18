import { model } from "@medusajs/framework/utils";

/** An owners' operations alert. The key names the incident: one alert (and one WhatsApp) per key. */
export const OperationsAlert = model
  .define("operations_alert", {
    id: model.id({ prefix: "oalert" }).primaryKey(),
    key: model.text(),
    kind: model.enum(["backup_stale", "backup_failed", "restore_test_failed", "audit_chain_broken", "disk_low"]),
    message: model.text(),
    raised_at: model.dateTime(),
    resolved_at: model.dateTime().nullable(),
    notified_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["key"], unique: true }]);
