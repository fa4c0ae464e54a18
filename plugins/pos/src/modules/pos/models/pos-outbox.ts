import { model } from "@medusajs/framework/utils";

/**
 * Work a payment or return on a completed sale still has to do outside the transaction that
 * recorded it: the money on the sale's Medusa order (`order_money`, an order transaction whose
 * reference_id is `reference_id`), an event, an audit row. Written in that transaction, run right
 * after commit by the request under `lease_until`, else by a retry or the recovery job once the
 * lease ran out; `done_at` once done. Every task can run again without doing its work twice.
 */
export const PosOutbox = model
  .define("pos_outbox", {
    id: model.id({ prefix: "poutb" }).primaryKey(),
    sale_id: model.text(),
    task: model.enum(["order_money", "event", "audit"]),
    /** The payment or return the task belongs to. */
    reference_id: model.text(),
    payload: model.json(),
    lease_until: model.dateTime().nullable(),
    done_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["sale_id"] }, { on: ["reference_id"] }, { on: ["created_at"], where: "done_at IS NULL" }]);
