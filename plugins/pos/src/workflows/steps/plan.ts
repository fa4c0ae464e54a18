import type { CreateOrderDTO } from "@medusajs/framework/types";
import { SHOP_CURRENCY, senToRinggit, type PaymentMethod } from "@voltura/domain";
import type { CartTotals, CounterSettlement } from "@voltura/pos-rules";
import type { Approver } from "./approver";

/** One line as it will be stored and put on the order. */
export interface PlannedLine {
  position: number;
  variant_id: string;
  product_id: string;
  inventory_item_id: string | null;
  required_quantity: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  kind: "product" | "service";
  quantity: number;
  unit_price_sen: number;
  gross_sen: number;
  line_discount_sen: number;
  promotion_sen: number;
  promotion: { code: string; promotion_id: string | null } | null;
  cart_discount_sen: number;
  net_sen: number;
  sst_rate_bp: number;
  sst_sen: number;
  total_sen: number;
  stock_override: boolean;
}

export interface PlannedApproval {
  kind: "stock_override" | "discount";
  detail: Record<string, unknown>;
}

export interface PlannedPayment {
  method: PaymentMethod;
  amount_sen: number;
  tendered_sen: number;
  change_sen: number;
  cash_rounding_sen: number;
  reference: string | null;
}

/** Everything the checkout workflow writes, worked out up front by the prepare step (reads only). */
export interface CheckoutPlan {
  sale_id: string;
  register_id: string;
  shift_id: string | null;
  region_id: string;
  sales_channel_id: string;
  location_id: string;
  customer: { id: string | null; phone: string; name: string | null; create: boolean } | null;
  lines: PlannedLine[];
  totals: Omit<CartTotals, "lines">;
  settlement: Omit<CounterSettlement, "applied" | "errors" | "ok">;
  payments: PlannedPayment[];
  promo_codes: string[];
  approvals: PlannedApproval[];
  approver: Approver | null;
  cashier: { id: string; name: string };
  prices_include_tax: boolean;
  note: string | null;
}

/**
 * Splits each applied payment's change and cash rounding: change and rounding belong to the cash
 * tendered (the last cash payments take the change, as the rules do); other methods are exact.
 */
export function plannedPayments(settlement: CounterSettlement, references: Array<string | null>): PlannedPayment[] {
  let roundingLeft = settlement.cash_rounding_adjustment_sen;
  return settlement.applied.map((p, i) => {
    const rounding = p.method === "cash" ? roundingLeft : 0;
    if (p.method === "cash") roundingLeft = 0;
    return {
      method: p.method,
      amount_sen: p.applied_sen,
      tendered_sen: p.amount_sen,
      change_sen: p.amount_sen - p.applied_sen,
      cash_rounding_sen: rounding,
      reference: references[i] ?? null,
    };
  });
}

/**
 * The Medusa order that carries a counter sale: one item per line in ringgit with its variant,
 * manual discounts and promotions as item adjustments, SST as the item's tax line (rate per item),
 * the payments as transactions, and the WORKPLAN metadata (source "pos", receipt number, sale id).
 * Created with the order module directly (not createOrderWorkflow): that workflow would re-price
 * the items and recompute tax lines from the region, and stock leaves through the ledger instead.
 */
export function buildSaleOrderInput(plan: CheckoutPlan, receiptNumber: string, customerId: string | null): CreateOrderDTO {
  return {
    region_id: plan.region_id,
    sales_channel_id: plan.sales_channel_id,
    customer_id: customerId ?? undefined,
    currency_code: SHOP_CURRENCY,
    status: "completed",
    no_notification: true,
    items: plan.lines.map((line) => {
      const manual = line.line_discount_sen + line.cart_discount_sen;
      const adjustments = [
        ...(manual > 0 ? [{ code: "POS-DISCOUNT", amount: senToRinggit(manual), description: "Counter discount", is_tax_inclusive: plan.prices_include_tax }] : []),
        ...(line.promotion && line.promotion_sen > 0
          ? [{ code: line.promotion.code, amount: senToRinggit(line.promotion_sen), promotion_id: line.promotion.promotion_id ?? undefined, is_tax_inclusive: plan.prices_include_tax }]
          : []),
      ];
      return {
        title: line.title,
        quantity: line.quantity,
        unit_price: senToRinggit(line.unit_price_sen),
        is_tax_inclusive: plan.prices_include_tax,
        requires_shipping: false,
        product_id: line.product_id || undefined,
        variant_id: line.variant_id,
        variant_sku: line.sku ?? undefined,
        variant_barcode: line.barcode ?? undefined,
        tax_lines: line.sst_rate_bp > 0 ? [{ code: "SST", rate: line.sst_rate_bp / 100, description: `SST ${line.sst_rate_bp / 100}%` }] : [],
        adjustments,
        metadata: { pos_line_position: line.position, kind: line.kind, net_sen: line.net_sen, sst_sen: line.sst_sen, total_sen: line.total_sen },
      };
    }),
    transactions: plan.payments.map((p) => ({
      amount: senToRinggit(p.amount_sen), currency_code: SHOP_CURRENCY, reference: `pos_${p.method}`, reference_id: plan.sale_id,
    })),
    metadata: {
      source: "pos",
      receipt_number: receiptNumber,
      pos_sale_id: plan.sale_id,
      total_sen: plan.totals.total_sen,
      sst_sen: plan.totals.sst_sen,
      cash_rounding_sen: plan.settlement.cash_rounding_adjustment_sen,
      balance_due_sen: plan.settlement.balance_due_sen,
      cashier: plan.cashier.name,
    },
  };
}
