import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import type { PaymentMethod } from "@voltura/domain";
import type { PosSale, PosSaleSummary } from "@voltura/contracts";
import { posService } from "../../../workflows/steps/context";
import { toApiSale, toApiSaleSummary } from "../../../domain/serialise";

/** Sales that happened: committed (stock and money booked; its order may still be on its way) or completed. */
export const SOLD_STATUSES = ["committed", "completed"];

/** A sale with its lines, payments, returns and approvals (404 when missing or never committed). */
export async function loadSale(container: MedusaContainer, id: string): Promise<PosSale> {
  const service = posService(container);
  const [sale] = await service.listPosSales({ id, status: SOLD_STATUSES }, { take: 1 });
  if (!sale) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sale ${id} was not found`);
  const [lines, payments, returns, approvals] = await Promise.all([
    service.listPosSaleLines({ sale_id: id }), service.listPosPayments({ sale_id: id }),
    service.listPosReturns({ sale_id: id }), service.listPosApprovals({ sale_id: id }),
  ]);
  return toApiSale(sale, lines, payments, returns, approvals);
}

export interface SalesFilter {
  from?: string;
  to?: string;
  q?: string;
  shift_id?: string;
  sort?: "-sold_at" | "sold_at" | "-total" | "total";
  limit: number;
  offset: number;
}

/** Sales (committed or completed), newest first, with item counts and payment methods (for the list, reports and MyInvois). */
export async function listSales(container: MedusaContainer, filter: SalesFilter): Promise<{ sales: PosSaleSummary[]; count: number }> {
  const service = posService(container);
  const where: Record<string, unknown> = { status: SOLD_STATUSES };
  const soldAt: Record<string, Date> = {};
  if (filter.from) soldAt.$gte = new Date(filter.from);
  if (filter.to) soldAt.$lt = new Date(filter.to);
  if (Object.keys(soldAt).length) where.sold_at = soldAt;
  if (filter.shift_id) where.shift_id = filter.shift_id;
  if (filter.q) {
    const like = `%${filter.q}%`;
    where.$or = [{ receipt_number: { $ilike: like } }, { customer_phone: { $ilike: like } }, { customer_name: { $ilike: like } }];
  }
  const direction: "ASC" | "DESC" = filter.sort?.startsWith("-") === false ? "ASC" : "DESC";
  // Sold time walks IDX_pos_sale_sold_at; a total sorts only the rows of the sold_at window.
  const order: Record<string, "ASC" | "DESC"> = filter.sort?.endsWith("total")
    ? { rounded_total_sen: direction, sold_at: "DESC", id: "DESC" }
    : { sold_at: direction, id: direction };
  const [rows, count] = await service.listAndCountPosSales(where, { order, take: filter.limit, skip: filter.offset });
  const ids = rows.map((r) => r.id);
  const [lines, payments] = ids.length
    ? await Promise.all([
      service.listPosSaleLines({ sale_id: ids }, { select: ["sale_id", "quantity"] }),
      service.listPosPayments({ sale_id: ids }, { select: ["sale_id", "method"] }),
    ])
    : [[], []];
  const sales = rows.map((row) => {
    const items = lines.filter((l) => l.sale_id === row.id).reduce((sum, l) => sum + Number(l.quantity), 0);
    const methods = [...new Set(payments.filter((p) => p.sale_id === row.id).map((p) => p.method as PaymentMethod))];
    return toApiSaleSummary(row, items, methods);
  });
  return { sales, count };
}
