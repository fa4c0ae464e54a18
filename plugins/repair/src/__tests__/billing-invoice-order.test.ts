import { describe, expect, it } from "vitest";
import { computeBillingTotals } from "@voltura/domain";
import { buildInvoiceOrderInput } from "../workflows/steps/invoice-order-input";
import type { RepairLineRecord } from "../modules/repair-billing/types";
import { pricedLine } from "../domain/billing-totals";

const line = (over: Partial<RepairLineRecord>): RepairLineRecord => ({
  id: "rline_1", repair_job_id: "rjob_1", kind: "part", title: "Screen", sku: "SCR", variant_id: "variant_1", product_id: "prod_1",
  inventory_item_id: "iitem_1", grade: "oem", fee_type: null, quantity: 1, unit_price_sen: 35000, hours: null, rate_sen: null,
  warranty_days: 90, taxable: true, waived: false, note: null, reservation_id: "resitem_1", stock_location_id: "sloc_1",
  consumed_at: null, created_by: "Ravi", created_at: "2026-11-24T01:00:00Z", ...over,
});

const lines = [
  line({}),
  line({ id: "rline_2", kind: "labour", title: "Board repair", sku: null, variant_id: null, product_id: null, inventory_item_id: null, grade: null, hours: 1.5, rate_sen: 6000, unit_price_sen: 0, warranty_days: 30 }),
  line({ id: "rline_3", kind: "fee", fee_type: "diagnostic", title: "Diagnostic fee", sku: null, variant_id: null, product_id: null, grade: null, unit_price_sen: 3000, waived: true, warranty_days: 0 }),
  line({ id: "rline_4", kind: "labour", title: "Backup", sku: null, variant_id: null, product_id: null, grade: null, unit_price_sen: 5000, taxable: false }),
];

function build(tax = { sst_rate_bp: 800, exempt: false, prices_include_tax: false }, deposit = 0) {
  const totals = computeBillingTotals(lines.map(pricedLine), tax, deposit);
  return buildInvoiceOrderInput({
    job: { id: "rjob_1", job_number: "VSH-2026-000001", customer_id: "cus_1" }, lines, settings: { tax }, totals,
    region_id: "reg_my", sales_channel_id: "sc_counter", invoiced_by: "Ravi",
  });
}

describe("buildInvoiceOrderInput", () => {
  it("puts one item per billable line in ringgit, skips waived lines and carries no variant", () => {
    const order = build();
    expect(order).toMatchObject({ region_id: "reg_my", sales_channel_id: "sc_counter", customer_id: "cus_1", currency_code: "myr" });
    expect(order.items!.map((i) => [i.title, i.quantity, i.unit_price])).toEqual([
      ["Screen", 1, 350], ["Board repair", 1, 90], ["Backup", 1, 50],
    ]);
    expect(order.items!.every((i) => i.variant_id === undefined && i.requires_shipping === false)).toBe(true);
    expect(order.items![1]!.subtitle).toBe("1.5 h × RM60.00");
    expect(order.items![0]!.metadata).toMatchObject({ repair_line_id: "rline_1", kind: "part", variant_id: "variant_1", warranty_days: 90 });
  });

  it("adds SST as an explicit tax line on taxable items only", () => {
    const order = build();
    expect(order.items!.map((i) => i.tax_lines)).toEqual([
      [{ code: "SST", rate: 8, description: "SST 8%" }], [{ code: "SST", rate: 8, description: "SST 8%" }], [],
    ]);
    expect(order.metadata).toMatchObject({ total_sen: 52520, sst_sen: 3520, job_number: "VSH-2026-000001" });
  });

  it("marks items tax-inclusive for inclusive shops and adds no tax line for an exempt shop", () => {
    expect(build({ sst_rate_bp: 800, exempt: false, prices_include_tax: true }).items!.every((i) => i.is_tax_inclusive)).toBe(true);
    expect(build({ sst_rate_bp: 800, exempt: true, prices_include_tax: false }).items!.every((i) => i.tax_lines!.length === 0)).toBe(true);
  });

  it("shows the deposit as a transaction already received", () => {
    expect(build(undefined, 5000).transactions).toEqual([{ amount: 50, currency_code: "myr", reference: "repair_deposit", reference_id: "rjob_1" }]);
    expect(build().transactions).toEqual([]);
  });
});
