import { renderPurchaseOrder } from "@voltura/documents";
import { MANAGERS } from "@voltura/domain";
import { loadShopSettings, staffRoute } from "@voltura/medusa-kit";
import { locationNames } from "../../../../../../workflows/steps/item-info";
import { shopInventoryService } from "../../../../../../workflows/steps/apply-ledger";
import { purchaseOrderAnswer, supplierAnswer } from "../../../answers";

/** GET /admin/inventory/purchase-orders/:id/pdf → the order for the supplier (application/pdf). */
export const GET = staffRoute(MANAGERS, async (req, res) => {
  const po = await purchaseOrderAnswer(req.scope, req.params.id!);
  const [settings, supplier, names, supplierItems] = await Promise.all([
    loadShopSettings(req.scope),
    supplierAnswer(req.scope, po.supplier_id).catch(() => null),
    locationNames(req.scope),
    shopInventoryService(req.scope).listSupplierItems({ supplier_id: po.supplier_id }),
  ]);
  const pdf = await renderPurchaseOrder({
    shop: settings.business,
    po_number: po.po_number,
    issued_at: po.sent_at ?? po.created_at,
    expected_at: po.expected_at,
    deliver_to: names.get(po.location_id) ?? po.location_id,
    supplier: supplier ?? { name: po.supplier_name ?? po.supplier_id },
    lines: po.lines.map((l) => ({
      description: l.title, sku: l.sku, quantity: l.quantity_ordered, unit_cost_sen: l.unit_cost_sen,
      supplier_sku: supplierItems.find((s) => s.inventory_item_id === l.inventory_item_id)?.supplier_sku ?? null,
    })),
    note: po.note,
  });
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-disposition", `inline; filename="${po.po_number}.pdf"`);
  res.send(pdf);
});
