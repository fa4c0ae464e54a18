import { staffRoute } from "@voltura/medusa-kit";
import { loadInvoice } from "../../../../../workflows/steps/documents";
import { toApiInvoice } from "../../../../../api/records";
import { INVOICING_READERS } from "../../../../../domain/roles";

export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  res.json({ invoice: toApiInvoice(await loadInvoice(req.scope, req.params.id!)) });
});
