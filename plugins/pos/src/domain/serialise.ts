import type { PosSale, PosSaleSummary, PosShift } from "@voltura/contracts";
import type { PaymentMethod } from "@voltura/domain";

type Row = Record<string, unknown>;
/** A stored row as the module service or SQL reads it: the named columns, of whatever type they are stored as. */
type Columns<K extends PropertyKey> = { readonly [C in K]?: unknown };
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : v ? new Date(String(v)).toISOString() : "");
const isoOrNull = (v: unknown): string | null => (v ? iso(v) : null);
const num = (v: unknown): number => Number(v ?? 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown): string => String(v ?? "");
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

type SaleHead = Omit<PosSale, "lines" | "payments" | "returns" | "approvals">;
type SaleRow = Columns<keyof SaleHead | "created_at">;
type ItemOf<K extends "lines" | "payments" | "returns" | "approvals"> = Columns<keyof PosSale[K][number] | "position">;

export function toApiSaleHead(row: SaleRow): SaleHead {
  return {
    id: str(row.id), receipt_number: str(row.receipt_number), register_id: str(row.register_id), shift_id: strOrNull(row.shift_id),
    order_id: strOrNull(row.order_id), customer_id: strOrNull(row.customer_id), customer_phone: strOrNull(row.customer_phone),
    customer_name: strOrNull(row.customer_name), subtotal_sen: num(row.subtotal_sen), line_discount_sen: num(row.line_discount_sen),
    promotion_discount_sen: num(row.promotion_discount_sen), cart_discount_sen: num(row.cart_discount_sen), discount_sen: num(row.discount_sen),
    promo_codes: Array.isArray(row.promo_codes) ? row.promo_codes.map(String) : [], sst_sen: num(row.sst_sen),
    sst_by_rate: Array.isArray(row.sst_by_rate) ? (row.sst_by_rate as Row[]).map((g) => ({ sst_rate_bp: num(g.sst_rate_bp), taxable_sen: num(g.taxable_sen), sst_sen: num(g.sst_sen) })) : [],
    sst_included: Boolean(row.sst_included), total_sen: num(row.total_sen), cash_rounding_sen: num(row.cash_rounding_sen),
    rounded_total_sen: num(row.rounded_total_sen), tendered_sen: num(row.tendered_sen), paid_sen: num(row.paid_sen), change_sen: num(row.change_sen),
    balance_due_sen: num(row.balance_due_sen), refunded_sen: num(row.refunded_sen), cashier_id: str(row.cashier_id), cashier_name: str(row.cashier_name),
    note: strOrNull(row.note), sold_at: iso(row.sold_at ?? row.created_at),
  };
}

export function toApiSale(
  row: SaleRow, lines: readonly ItemOf<"lines">[], payments: readonly ItemOf<"payments">[], returns: readonly ItemOf<"returns">[], approvals: readonly ItemOf<"approvals">[],
): PosSale {
  return {
    ...toApiSaleHead(row),
    lines: [...lines].sort((a, b) => num(a.position) - num(b.position)).map((l) => ({
      id: str(l.id), position: num(l.position), variant_id: strOrNull(l.variant_id), product_id: strOrNull(l.product_id), title: str(l.title),
      sku: strOrNull(l.sku), kind: l.kind === "service" ? "service" : "product", quantity: num(l.quantity), unit_price_sen: num(l.unit_price_sen),
      gross_sen: num(l.gross_sen), line_discount_sen: num(l.line_discount_sen), promotion_sen: num(l.promotion_sen),
      cart_discount_sen: num(l.cart_discount_sen), net_sen: num(l.net_sen), sst_rate_bp: num(l.sst_rate_bp), sst_sen: num(l.sst_sen),
      total_sen: num(l.total_sen), returned_quantity: num(l.returned_quantity), stock_override: Boolean(l.stock_override),
    })),
    payments: [...payments].sort((a, b) => iso(a.received_at).localeCompare(iso(b.received_at))).map((p) => ({
      id: str(p.id), stage: p.stage === "balance" ? "balance" : "checkout", method: p.method as PaymentMethod, amount_sen: num(p.amount_sen),
      tendered_sen: num(p.tendered_sen), change_sen: num(p.change_sen), cash_rounding_sen: num(p.cash_rounding_sen), reference: strOrNull(p.reference),
      received_by: str(p.received_by), received_at: iso(p.received_at),
    })),
    returns: [...returns].sort((a, b) => iso(a.created_at).localeCompare(iso(b.created_at))).map((r) => ({
      id: str(r.id), sale_id: str(r.sale_id), lines: (Array.isArray(r.lines) ? r.lines : []) as PosSale["returns"][number]["lines"], restock: Boolean(r.restock),
      refund_method: r.refund_method as PaymentMethod, refund_sen: num(r.refund_sen), paid_out_sen: num(r.paid_out_sen),
      cash_rounding_sen: num(r.cash_rounding_sen), reason: strOrNull(r.reason), created_by: str(r.created_by), created_by_name: str(r.created_by_name),
      created_at: iso(r.created_at), approved_by: strOrNull(r.approved_by), approved_by_name: strOrNull(r.approved_by_name),
      approval_method: r.approval_method === "credentials" ? "credentials" : r.approval_method === "session" ? "session" : null,
      approval_reasons: Array.isArray(r.approval_reasons) ? (r.approval_reasons as unknown[]).map(String) : [],
    })),
    approvals: approvals.map((a) => ({
      id: str(a.id), kind: a.kind === "discount" ? "discount" : "stock_override", method: a.method === "credentials" ? "credentials" : "session",
      approved_by: str(a.approved_by), approved_by_name: str(a.approved_by_name), requested_by: str(a.requested_by), detail: a.detail, created_at: iso(a.created_at),
    })),
  };
}

export function toApiSaleSummary(row: SaleRow, itemCount: number, methods: PaymentMethod[]): PosSaleSummary {
  return { ...toApiSaleHead(row), item_count: itemCount, methods };
}

export function toApiShift(row: Columns<keyof PosShift>): PosShift {
  return {
    id: str(row.id), register_id: str(row.register_id), status: row.status === "closed" ? "closed" : "open", opened_by: str(row.opened_by),
    opened_by_name: str(row.opened_by_name), opened_at: iso(row.opened_at), opening_float_sen: num(row.opening_float_sen),
    closed_by: strOrNull(row.closed_by), closed_by_name: strOrNull(row.closed_by_name), closed_at: isoOrNull(row.closed_at),
    cash_sales_sen: numOrNull(row.cash_sales_sen), cash_refunds_sen: numOrNull(row.cash_refunds_sen), expected_cash_sen: numOrNull(row.expected_cash_sen),
    counted_cash_sen: numOrNull(row.counted_cash_sen), variance_sen: numOrNull(row.variance_sen), note: strOrNull(row.note),
  };
}
