import { staffRoute } from "@voltura/medusa-kit";
import { loadInvoice } from "../../../../../invoicing/documents";
import { toApiInvoice } from "../../../../../invoicing/records";
import { SALES_READERS } from "../../../../../invoicing/roles";

export const GET = staffRoute(SALES_READERS, async (req, res) => {
  res.json({ invoice: toApiInvoice(await loadInvoice(req.scope, req.params.id!)) });
});
