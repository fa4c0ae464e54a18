import { staffRoute } from "@voltura/medusa-kit";
import { renderDocumentPdf } from "../../../../../../workflows/steps/documents";
import { sendPdf } from "../../../../../respond";
import { INVOICING_READERS } from "../../../../../../domain/roles";

/** The invoice as an A4 PDF in the shop's invoice template. */
export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  const { pdf, number } = await renderDocumentPdf(req.scope, "invoice", req.params.id!);
  sendPdf(res, pdf, `${number}.pdf`);
});
