import { staffRoute } from "@voltura/medusa-kit";
import { renderDocumentPdf } from "../../../../../../invoicing/documents";
import { sendPdf } from "../../../../../../invoicing/respond";
import { SALES_READERS } from "../../../../../../invoicing/roles";

/** The quotation as an A4 PDF in the shop's quotation template. */
export const GET = staffRoute(SALES_READERS, async (req, res) => {
  const { pdf, number } = await renderDocumentPdf(req.scope, "quotation", req.params.id!);
  sendPdf(res, pdf, `${number}.pdf`);
});
