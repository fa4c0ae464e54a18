import { staffRoute } from "@voltura/medusa-kit";
import { loadRepairBilling } from "../../../../../workflows/steps/load-billing";
import { BILLING_READERS } from "../../../billing-roles";

/** Lines, live totals, quotes, invoice, payments and warranties of a job. */
export const GET = staffRoute(BILLING_READERS, async (req, res) => {
  res.json({ billing: await loadRepairBilling(req.scope, req.params.id!) });
});
