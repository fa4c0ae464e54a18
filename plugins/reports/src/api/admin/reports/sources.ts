import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { lineAmountSen, type ShopSettings } from "@voltura/domain";
import { SHOP_INVENTORY_MODULE, type ShopInventoryModuleService } from "@voltura/plugin-inventory/modules/shop-inventory";
import { netLineRevenue } from "../../../domain/aggregate";
import type { CompletedJobFact, SaleFact, SaleLineFact, SaleSource } from "../../../domain/facts";
import type { ShopRange } from "../../../domain/range";

type Knex = { raw(sql: string, params: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
const db = (container: MedusaContainer) => container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION);
const senOf = (ringgit: unknown) => Math.round(Number(ringgit ?? 0) * 100);
const num = (v: unknown) => Number(v ?? 0);

interface VariantInfo { stocked: boolean; inventory_item_id: string | null }

/** Whether each variant carries stock (an item) or not (a service), and its inventory item. */
async function variantInfo(container: MedusaContainer, ids: string[]): Promise<Map<string, VariantInfo>> {
  if (!ids.length) return new Map();
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "variant", fields: ["id", "manage_inventory", "inventory_items.inventory_item_id"], filters: { id: ids } });
  return new Map((data as Array<{ id: string; manage_inventory?: boolean; inventory_items?: Array<{ inventory_item_id: string }> }>).map((v) => [
    v.id, { stocked: v.manage_inventory !== false, inventory_item_id: v.inventory_items?.[0]?.inventory_item_id ?? null },
  ]));
}

type OrderRow = {
  id: string; display_id?: number; created_at: string | Date; metadata?: Record<string, unknown> | null; total?: unknown; tax_total?: unknown;
  items?: Array<{ id: string; title: string; variant_id: string | null; quantity: unknown; unit_price: unknown }>;
};

/** Counter sales: Medusa orders with metadata.source "pos" (the POS stream's contract). */
async function posFacts(container: MedusaContainer, range: ShopRange, settings: ShopSettings): Promise<SaleFact[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "metadata", "total", "tax_total", "items.id", "items.title", "items.variant_id", "items.quantity", "items.unit_price"],
    filters: { created_at: { $gte: range.from, $lt: range.to } },
  });
  const orders = (data as OrderRow[]).filter((o) => o.metadata?.source === "pos");
  const variants = await variantInfo(container, [...new Set(orders.flatMap((o) => (o.items ?? []).map((i) => i.variant_id).filter((v): v is string => !!v)))]);
  return orders.map((order) => {
    const tax = senOf(order.tax_total);
    const items = order.items ?? [];
    const gross = items.map((i) => senOf(i.unit_price) * num(i.quantity));
    const net = netLineRevenue(gross, tax, settings.tax.prices_include_tax);
    const lines: SaleLineFact[] = items.map((item, i) => {
      const info = item.variant_id ? variants.get(item.variant_id) : undefined;
      return {
        key: item.variant_id ?? item.title, title: item.title, kind: info && !info.stocked ? "service" : "item", quantity: num(item.quantity),
        revenue_sen: net[i]!, inventory_item_id: info?.inventory_item_id ?? null,
      };
    });
    return {
      source: "pos" as const, reference: String(order.metadata?.receipt_number ?? `#${order.display_id ?? order.id}`), at: new Date(order.created_at),
      revenue_sen: senOf(order.total) - tax, sst_sen: tax, lines, technician: null,
    };
  });
}

/** Repair invoices with their lines: parts are items, labour and fees services. */
async function repairFacts(container: MedusaContainer, range: ShopRange): Promise<SaleFact[]> {
  const { rows } = await db(container).raw(
    `SELECT ri.invoice_number, ri.issued_at, ri.sst_sen, ri.total_sen, ri.prices_include_tax, ri.repair_job_id, rj.technician_name
     FROM repair_invoice ri LEFT JOIN repair_job rj ON rj.id = ri.repair_job_id
     WHERE ri.issued_at >= ? AND ri.issued_at < ? AND ri.deleted_at IS NULL`,
    [range.from, range.to],
  );
  if (!rows.length) return [];
  const { rows: lineRows } = await db(container).raw(
    `SELECT * FROM repair_line WHERE repair_job_id = ANY(?::text[]) AND deleted_at IS NULL`, [rows.map((r) => String(r.repair_job_id))],
  );
  return rows.map((inv) => {
    const jobLines = lineRows.filter((l) => l.repair_job_id === inv.repair_job_id && !l.waived);
    const gross = jobLines.map((l) => lineAmountSen({
      kind: l.kind as "part", quantity: num(l.quantity), unit_price_sen: num(l.unit_price_sen), hours: l.hours === null ? null : num(l.hours),
      rate_sen: l.rate_sen === null ? null : num(l.rate_sen), taxable: Boolean(l.taxable), waived: false,
    }));
    const net = netLineRevenue(gross, num(inv.sst_sen), Boolean(inv.prices_include_tax));
    return {
      source: "repair" as const, reference: String(inv.invoice_number), at: new Date(String(inv.issued_at)),
      revenue_sen: num(inv.total_sen) - num(inv.sst_sen), sst_sen: num(inv.sst_sen), technician: (inv.technician_name as string | null) ?? null,
      lines: jobLines.map((l, i): SaleLineFact => ({
        key: String(l.variant_id ?? l.title), title: String(l.title), kind: l.kind === "part" ? "item" : "service",
        quantity: l.kind === "part" ? num(l.quantity) : 1, revenue_sen: net[i]!, inventory_item_id: (l.inventory_item_id as string | null) ?? null,
      })),
    };
  });
}

type InvoiceLineJson = { description: string; kind: "item" | "service"; product_variant_id: string | null; quantity: number; unit_price_sen: number; discount_sen: number };

/** Counter / B2B invoices of the invoicing plugin. */
async function invoiceFacts(container: MedusaContainer, range: ShopRange): Promise<SaleFact[]> {
  const { rows } = await db(container).raw(
    `SELECT invoice_number, issued_at, sst_sen, total_sen, prices_include_tax, lines FROM sales_invoice
     WHERE issued_at >= ? AND issued_at < ? AND deleted_at IS NULL`,
    [range.from, range.to],
  );
  const all = rows.map((r) => ({ row: r, lines: (typeof r.lines === "string" ? JSON.parse(r.lines) : r.lines) as InvoiceLineJson[] }));
  const variants = await variantInfo(container, [...new Set(all.flatMap((r) => r.lines.map((l) => l.product_variant_id).filter((v): v is string => !!v)))]);
  return all.map(({ row: inv, lines }) => {
    const gross = lines.map((l) => l.unit_price_sen * l.quantity - (l.discount_sen ?? 0));
    const net = netLineRevenue(gross, num(inv.sst_sen), Boolean(inv.prices_include_tax));
    return {
      source: "invoice" as const, reference: String(inv.invoice_number), at: new Date(String(inv.issued_at)),
      revenue_sen: num(inv.total_sen) - num(inv.sst_sen), sst_sen: num(inv.sst_sen), technician: null,
      lines: lines.map((l, i): SaleLineFact => ({
        key: l.product_variant_id ?? l.description, title: l.description, kind: l.kind, quantity: l.quantity, revenue_sen: net[i]!,
        inventory_item_id: l.product_variant_id ? variants.get(l.product_variant_id)?.inventory_item_id ?? null : null,
      })),
    };
  });
}

async function tableExists(container: MedusaContainer, table: string): Promise<boolean> {
  const { rows } = await db(container).raw(`SELECT to_regclass(?) IS NOT NULL AS present`, [table]);
  return Boolean(rows[0]?.present);
}

/** Every sale in the range from the chosen sources. */
export async function loadSaleFacts(container: MedusaContainer, range: ShopRange, sources: readonly SaleSource[], settings: ShopSettings): Promise<SaleFact[]> {
  const parts = await Promise.all([
    sources.includes("pos") ? posFacts(container, range, settings) : [],
    sources.includes("repair") ? repairFacts(container, range) : [],
    sources.includes("invoice") && (await tableExists(container, "sales_invoice")) ? invoiceFacts(container, range) : [],
  ]);
  return parts.flat().sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Jobs completed in the range, with their technician and invoiced revenue. */
export async function loadCompletedJobs(container: MedusaContainer, range: ShopRange): Promise<CompletedJobFact[]> {
  const { rows } = await db(container).raw(
    `SELECT rj.job_number, rj.technician_name, rj.received_at, rj.completed_at, COALESCE(ri.total_sen - ri.sst_sen, 0) AS revenue_sen
     FROM repair_job rj LEFT JOIN repair_invoice ri ON ri.repair_job_id = rj.id AND ri.deleted_at IS NULL
     WHERE rj.completed_at >= ? AND rj.completed_at < ? AND rj.deleted_at IS NULL`,
    [range.from, range.to],
  );
  return rows.map((r) => ({
    job_number: String(r.job_number), technician: (r.technician_name as string | null) ?? null,
    received_at: new Date(String(r.received_at)), completed_at: new Date(String(r.completed_at)), revenue_sen: num(r.revenue_sen),
  }));
}

/** Weighted average costs from the inventory plugin (INV stream); none when its module is not loaded. */
export async function loadAverageCosts(container: MedusaContainer, inventoryItemIds: string[]): Promise<Record<string, number>> {
  if (!inventoryItemIds.length || !container.hasRegistration(SHOP_INVENTORY_MODULE)) return {};
  return container.resolve<ShopInventoryModuleService>(SHOP_INVENTORY_MODULE).averageCostsSen(inventoryItemIds);
}
