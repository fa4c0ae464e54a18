import { staffRoute } from "@voltura/medusa-kit";
import { invoiceDocument } from "../../../einvoice";
import { respondToError, sendJsonFile } from "../../../../../respond";
import { INVOICING_MANAGERS } from "../../../../../../domain/roles";

/** The invoice as a MyInvois (LHDN) e-invoice v1.0 UBL JSON document, validated before it is answered. */
export const GET = staffRoute(INVOICING_MANAGERS, async (req, res) => {
  try {
    const { number, document } = await invoiceDocument(req.scope, req.params.id!);
    sendJsonFile(res, document, `${number}-myinvois.json`);
  } catch (error) {
    respondToError(res, error);
  }
});
