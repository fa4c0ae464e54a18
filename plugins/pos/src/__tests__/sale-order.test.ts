import { describe, expect, it } from "vitest";
import { settlePayments } from "@voltura/pos-rules";
import { buildSaleOrderInput, plannedPayments, type CheckoutPlan, type PlannedLine } from "../workflows/steps/plan";
import { itemTax, myrPriceSen, toSellable, variantTitle } from "../workflows/steps/catalogue";

const line = (over: Partial<PlannedLine>): PlannedLine => ({
  position: 0, variant_id: "variant_1", product_id: "prod_1", inventory_item_id: "iitem_1", required_quantity: 1, title: "USB-C Cable 1m",
  sku: "ACC-USBC-1M", barcode: "9555000200029", kind: "product", quantity: 2, unit_price_sen: 1990, gross_sen: 3980, line_discount_sen: 0,
  promotion_sen: 0, promotion: null, cart_discount_sen: 0, net_sen: 3980, sst_rate_bp: 800, sst_sen: 318, total_sen: 4298, stock_override: false, ...over,
});

function plan(lines: PlannedLine[], payments: CheckoutPlan["payments"]): CheckoutPlan {
  return {
    sale_id: "psale_1", register_id: "main", shift_id: null, region_id: "reg_my", sales_channel_id: "sc_counter", location_id: "sloc_shop",
    customer: null, lines, totals: { subtotal_sen: 0, line_discount_sen: 0, promotion_discount_sen: 0, cart_discount_sen: 0, discount_sen: 0, sst_sen: 318, sst_by_rate: [], sst_included: false, total_sen: 4298, total_excluding_sst_sen: 3980 },
    settlement: { cash_rounding_adjustment_sen: -3, rounded_total_sen: 4295, tendered_sen: 5000, paid_sen: 4295, change_sen: 705, balance_due_sen: 0 },
    payments, promo_codes: [], approvals: [], approver: null, cashier: { id: "user_1", name: "Siti" }, prices_include_tax: false, note: null,
  };
}

describe("plannedPayments", () => {
  it("puts the change and the 5-sen rounding on the cash payment only", () => {
    const settlement = settlePayments(10_003, [{ method: "duitnow_qr", amount_sen: 5000 }, { method: "cash", amount_sen: 6000 }]);
    expect(plannedPayments(settlement, ["DN123", null])).toEqual([
      { method: "duitnow_qr", amount_sen: 5000, tendered_sen: 5000, change_sen: 0, cash_rounding_sen: 0, reference: "DN123" },
      { method: "cash", amount_sen: 5005, tendered_sen: 6000, change_sen: 995, cash_rounding_sen: 2, reference: null },
    ]);
  });
});

describe("buildSaleOrderInput", () => {
  it("makes a Counter-channel order with the WORKPLAN metadata, SST per item, discounts as adjustments and payments as transactions", () => {
    const order = buildSaleOrderInput(plan(
      [line({}), line({ position: 1, variant_id: "variant_2", title: "Screen Fitting", kind: "service", inventory_item_id: null, quantity: 1, unit_price_sen: 3000, line_discount_sen: 300, cart_discount_sen: 50, promotion_sen: 100, promotion: { code: "RAYA10", promotion_id: "promo_1" }, sst_rate_bp: 600 })],
      [{ method: "cash", amount_sen: 4295, tendered_sen: 5000, change_sen: 705, cash_rounding_sen: -3, reference: null }],
    ), "RCP-2026-000007", "cus_1");
    expect(order).toMatchObject({ region_id: "reg_my", sales_channel_id: "sc_counter", customer_id: "cus_1", currency_code: "myr", status: "completed" });
    expect(order.metadata).toMatchObject({ source: "pos", receipt_number: "RCP-2026-000007", pos_sale_id: "psale_1", cash_rounding_sen: -3 });
    expect(order.items![0]).toMatchObject({ variant_id: "variant_1", quantity: 2, unit_price: 19.9, tax_lines: [{ code: "SST", rate: 8 }], adjustments: [] });
    expect(order.items![1]!.tax_lines).toEqual([{ code: "SST", rate: 6, description: "SST 6%" }]);
    expect(order.items![1]!.adjustments).toEqual([
      { code: "POS-DISCOUNT", amount: 3.5, description: "Counter discount", is_tax_inclusive: false },
      { code: "RAYA10", amount: 1, promotion_id: "promo_1", is_tax_inclusive: false },
    ]);
    expect(order.transactions).toEqual([{ amount: 42.95, currency_code: "myr", reference: "pos_cash", reference_id: "psale_1" }]);
  });
});

describe("catalogue rows", () => {
  it.each([
    [{ sst_exempt: true }, { taxable: false, sst_rate_bp: null }],
    [{ sst_rate_bp: 600 }, { taxable: true, sst_rate_bp: 600 }],
    [{ sst_rate_bp: "6%" }, { taxable: true, sst_rate_bp: null }],
    [null, { taxable: true, sst_rate_bp: null }],
  ])("reads SST from product metadata %j", (metadata, expected) => {
    expect(itemTax(metadata as Record<string, unknown> | null)).toEqual(expected);
  });

  it("prices in sen from the plain MYR price and tells services from stocked products", () => {
    expect(myrPriceSen({ prices: [{ amount: 20, currency_code: "myr", rules_count: 1 }, { amount: 19.9, currency_code: "myr", rules_count: 0 }] })).toBe(1990);
    expect(myrPriceSen({ prices: [{ amount: 5, currency_code: "usd" }] })).toBeNull();
    expect(variantTitle({ title: "Default", product: { id: "p", title: "USB-C Cable" } })).toBe("USB-C Cable");
    const service = toSellable({ id: "v", title: "Default", sku: "SVC-DIAG", barcode: null, manage_inventory: false, product: { id: "p", title: "Diagnostic Fee", metadata: { kind: "service" } }, prices: [{ amount: 30, currency_code: "myr" }], inventory_items: [] }, 5);
    expect(service).toMatchObject({ kind: "service", available: null, inventory_item_id: null, price_sen: 3000 });
  });
});
