import { model } from "@medusajs/framework/utils";

/**
 * A manager's approval recorded with the sale: a stock-guard override (selling what the shelf does
 * not have) or a discount above the cashier's limit. `method` says how the manager approved: their
 * own signed-in session, or their credentials typed at the cashier's till.
 */
export const PosApproval = model
  .define("pos_approval", {
    id: model.id({ prefix: "pappr" }).primaryKey(),
    sale_id: model.text(),
    kind: model.enum(["stock_override", "discount"]),
    method: model.enum(["session", "credentials"]),
    approved_by: model.text(),
    approved_by_name: model.text(),
    requested_by: model.text(),
    detail: model.json(),
  })
  .indexes([{ on: ["sale_id"] }]);
