import { model } from "@medusajs/framework/utils";

/**
 * One row of the audit trail: who did what to which record, when, from where. Append-only: the
 * migration installs triggers that refuse UPDATE, DELETE and TRUNCATE for every database role.
 * `changes` holds only the fields that changed ({ field: { before, after } }).
 */
export const AuditEntry = model
  .define("audit_entry", {
    id: model.id({ prefix: "aud" }).primaryKey(),
    occurred_at: model.dateTime(),
    actor_id: model.text().nullable(),
    actor_role: model.text().nullable(),
    actor_name: model.text().nullable(),
    action: model.text(),
    entity: model.text(),
    entity_id: model.text().nullable(),
    changes: model.json().nullable(),
    metadata: model.json().nullable(),
    request_id: model.text().nullable(),
    ip: model.text().nullable(),
  })
  .indexes([
    { on: ["occurred_at", "id"] },
    { on: ["actor_id", "occurred_at"] },
    { on: ["entity", "entity_id", "occurred_at"] },
    { on: ["action", "occurred_at"] },
  ]);
