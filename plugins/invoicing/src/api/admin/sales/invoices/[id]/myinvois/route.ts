import { staffRoute } from "@voltura/medusa-kit";
import { invoiceDocument } from "../../../../../../invoicing/einvoice";
import { respondToError, sendJsonFile } from "../../../../../../invoicing/respond";
import { SALES_MANAGERS } from "../../../../../../invoicing/roles";

/** The invoice as a MyInvois (LHDN) e-invoice v1.0 UBL JSON document, validated before it is answered. */
export const GET = staffRoute(SALES_MANAGERS, async (req, res) => {
  try {
    const { number, document } = await invoiceDocument(req.scope, req.params.id!);
    sendJsonFile(res, document, `${number}-myinvois.json`);
  } catch (error) {
    respondToError(res, error);
  }
});
