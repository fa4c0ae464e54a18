import { model } from "@medusajs/framework/utils";

/**
 * One run of the integrity check: when, whether every invariant held, and per check its verdict,
 * count and first examples (summary). The nightly run carries its day's idempotency key, so a
 * retried run is stored, audited and alerted once.
 */
export const IntegrityRun = model
  .define("integrity_run", {
    id: model.id({ prefix: "irun" }).primaryKey(),
    ran_at: model.dateTime(),
    ok: model.boolean(),
    trigger: model.enum(["nightly", "manual"]),
    idempotency_key: model.text().nullable(),
    summary: model.json(),
  })
  .indexes([{ on: ["ran_at"] }, { on: ["idempotency_key"], unique: true, where: "idempotency_key IS NOT NULL" }]);
