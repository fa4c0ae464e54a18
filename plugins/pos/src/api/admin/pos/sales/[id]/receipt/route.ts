import { MedusaError } from "@medusajs/framework/utils";
import type { ReceiptLayout } from "@voltura/documents";
import { staffRoute } from "@voltura/medusa-kit";
import { loadSale } from "../../../load-sale";
import { RECEIPT_LAYOUTS, renderSaleReceipt } from "../../receipt";
import { POS_READERS } from "../../../roles";

/** GET /admin/pos/sales/:id/receipt?layout=thermal80|a5|a4 → application/pdf. */
export const GET = staffRoute(POS_READERS, async (req, res) => {
  const layout = (req.query.layout ?? "thermal80") as ReceiptLayout;
  if (!RECEIPT_LAYOUTS.includes(layout)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: layout must be one of ${RECEIPT_LAYOUTS.join(", ")}`);
  }
  const sale = await loadSale(req.scope, req.params.id!);
  const pdf = await renderSaleReceipt(req.scope, sale, layout);
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-disposition", `inline; filename="${sale.receipt_number}-${layout}.pdf"`);
  res.setHeader("cache-control", "private, no-store");
  res.send(pdf);
});
