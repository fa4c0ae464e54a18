import { describe, expect, it } from "vitest";
import {
  createQuotationBodySchema, createSalesInvoiceBodySchema, einvoiceProfileBodySchema, invoicePaymentBodySchema, salesBuyerSchema, salesLineSchema,
} from "../invoicing.js";

describe("invoicing bodies", () => {
  it("normalises the buyer: TIN upper-cased, blanks to null", () => {
    expect(salesBuyerSchema.parse({ name: " Maju Jaya ", tin: "c10000000020", email: "", phone: "", nric: "" })).toEqual({
      name: "Maju Jaya", tin: "C10000000020", email: null, phone: null, address: null, brn: null, nric: null, sst_no: null,
    });
  });

  it("defaults a line to a taxable item, classification 022, no discount", () => {
    expect(salesLineSchema.parse({ description: "Charger", quantity: 1, unit_price_sen: 3500 })).toMatchObject({
      kind: "item", discount_sen: 0, taxable: true, sst_rate_bp: null, classification_code: "022", product_variant_id: null,
    });
  });

  it.each([
    [salesLineSchema, { description: "x", quantity: 1, unit_price_sen: 12.5 }, "unit_price_sen"],
    [salesLineSchema, { description: "x", quantity: 1, unit_price_sen: 100, classification_code: "22" }, "classification_code"],
    [salesBuyerSchema, { name: "A", nric: "900101-14-5678" }, "nric"],
    [createQuotationBodySchema, { buyer: { name: "A" }, lines: [] }, "lines"],
    [createQuotationBodySchema, { buyer: { name: "A" }, lines: [{ description: "x", quantity: 1, unit_price_sen: 1 }], valid_days: 0 }, "valid_days"],
    [invoicePaymentBodySchema, { method: "cheque", amount_sen: 100 }, "method"],
    [invoicePaymentBodySchema, { method: "cash", amount_sen: 0 }, "amount_sen"],
    [invoicePaymentBodySchema, { method: "cash", amount_sen: 100, idempotency_key: "short" }, "idempotency_key"],
    [createSalesInvoiceBodySchema, { buyer: { name: "A" }, lines: [{ description: "x", quantity: 1, unit_price_sen: 1 }], idempotency_key: "x".repeat(201) }, "idempotency_key"],
    [einvoiceProfileBodySchema, { tin: "C20880050010", msic_code: "95120", msic_name: "x", city: "KL", postcode: "50400", state_code: "18" }, "state_code"],
  ] as const)("refuses bad input naming the field (%#)", (schema, input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("keeps the idempotency key optional (the console sends none) and trims it when given", () => {
    const invoice = { buyer: { name: "A" }, lines: [{ description: "x", quantity: 1, unit_price_sen: 1 }] };
    expect(createSalesInvoiceBodySchema.parse(invoice).idempotency_key).toBeUndefined();
    expect(invoicePaymentBodySchema.parse({ method: "cash", amount_sen: 100 }).idempotency_key).toBeUndefined();
    expect(invoicePaymentBodySchema.parse({ method: "cash", amount_sen: 100, idempotency_key: " till-1-pay-0001 " }).idempotency_key).toBe("till-1-pay-0001");
  });
});
