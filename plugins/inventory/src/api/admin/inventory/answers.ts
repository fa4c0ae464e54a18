import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { loadItemInfo } from "../../../workflows/steps/item-info";
import { shopInventoryService, type StockMovementRow } from "../../../workflows/steps/apply-ledger";
import { purchaseOrderTotalSen } from "../../../domain/purchase-order";
import { reviewStockTake } from "../../../domain/stock-take";

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string | Date).toISOString());
const num = (v: unknown) => Number(v ?? 0);
const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function movementAnswer(m: StockMovementRow) {
  return {
    id: m.id, inventory_item_id: String(m.inventory_item_id), location_id: String(m.location_id), quantity_delta: num(m.quantity_delta), kind: String(m.kind),
    unit_cost_sen: m.unit_cost_sen === null || m.unit_cost_sen === undefined ? null : num(m.unit_cost_sen), reference_type: text(m.reference_type),
    reference_id: text(m.reference_id), actor_id: text(m.actor_id), reason: text(m.reason), note: text(m.note), created_at: iso(m.created_at)!,
  };
}

export async function suppliersAnswer(container: MedusaContainer, filter: Record<string, unknown>) {
  const suppliers = await shopInventoryService(container).listSuppliers(filter, { relations: ["items"], order: { name: "ASC" } });
  const info = await loadItemInfo(container, suppliers.flatMap((s) => (s.items ?? []).map((i) => String(i.inventory_item_id))));
  return suppliers.map((s) => ({
    id: s.id, name: String(s.name), contact_name: text(s.contact_name), phone: text(s.phone), email: text(s.email), address: text(s.address), notes: text(s.notes),
    items: (s.items ?? []).filter((i) => !i.deleted_at).map((i) => {
      const item = info.get(String(i.inventory_item_id));
      return { id: i.id, inventory_item_id: String(i.inventory_item_id), title: item?.title ?? null, sku: item?.sku ?? null, supplier_sku: text(i.supplier_sku), cost_sen: num(i.cost_sen), lead_time_days: num(i.lead_time_days) };
    }),
  }));
}

export async function supplierAnswer(container: MedusaContainer, id: string) {
  const [supplier] = await suppliersAnswer(container, { id });
  if (!supplier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Supplier ${id} not found`);
  return supplier;
}

export async function purchaseOrdersAnswer(container: MedusaContainer, filter: Record<string, unknown>) {
  const service = shopInventoryService(container);
  const orders = await service.listPurchaseOrders(filter, { relations: ["lines"], order: { created_at: "DESC" } });
  const supplierIds = [...new Set(orders.map((o) => String(o.supplier_id)))];
  const suppliers = supplierIds.length ? await service.listSuppliers({ id: supplierIds }, { withDeleted: true }) : [];
  return orders.map((o) => {
    const lines = (o.lines ?? []).filter((l) => !l.deleted_at).map((l) => ({
      id: l.id, inventory_item_id: String(l.inventory_item_id), title: String(l.title), sku: text(l.sku),
      quantity_ordered: num(l.quantity_ordered), quantity_received: num(l.quantity_received), unit_cost_sen: num(l.unit_cost_sen),
    }));
    return {
      id: o.id, po_number: String(o.po_number), supplier_id: String(o.supplier_id), supplier_name: suppliers.find((s) => s.id === o.supplier_id)?.name ?? null,
      location_id: String(o.location_id), status: o.status as "draft", note: text(o.note), expected_at: iso(o.expected_at), sent_at: iso(o.sent_at),
      received_at: iso(o.received_at), cancelled_at: iso(o.cancelled_at), created_by: String(o.created_by), created_at: iso(o.created_at)!,
      total_sen: purchaseOrderTotalSen(lines), lines,
    };
  });
}

export async function purchaseOrderAnswer(container: MedusaContainer, id: string) {
  const [po] = await purchaseOrdersAnswer(container, { id });
  if (!po) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${id} not found`);
  return po;
}

export async function stockTakesAnswer(container: MedusaContainer, filter: Record<string, unknown>) {
  const takes = await shopInventoryService(container).listStockTakes(filter, { relations: ["lines"], order: { created_at: "DESC" } });
  return takes.map((t) => {
    const lines = (t.lines ?? [])
      .map((l) => ({
        id: l.id, inventory_item_id: String(l.inventory_item_id), title: String(l.title), sku: text(l.sku), barcode: text(l.barcode),
        expected_quantity: num(l.expected_quantity), counted_quantity: l.counted_quantity === null || l.counted_quantity === undefined ? null : num(l.counted_quantity),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
    return {
      id: t.id, location_id: String(t.location_id), status: t.status as "open", note: text(t.note), created_by: String(t.created_by), created_at: iso(t.created_at)!,
      posted_by: text(t.posted_by), posted_at: iso(t.posted_at), lines, review: reviewStockTake(lines),
    };
  });
}

export async function stockTakeAnswer(container: MedusaContainer, id: string) {
  const [take] = await stockTakesAnswer(container, { id });
  if (!take) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock take ${id} not found`);
  return take;
}
