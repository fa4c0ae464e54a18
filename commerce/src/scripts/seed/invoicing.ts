import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createQuotationBodySchema, createSalesInvoiceBodySchema, einvoiceProfileBodySchema } from "@voltura/contracts";
import {
  changeQuotationStatusWorkflow,
  convertQuotationWorkflow,
  createQuotationWorkflow,
  createSalesInvoiceWorkflow,
  recordInvoicePaymentWorkflow,
  saveInvoicingSettingsWorkflow,
} from "@voltura/plugin-invoicing/workflows";
import { INVOICING_MODULE, type InvoicingModuleService } from "@voltura/plugin-invoicing/modules/invoicing";

const CASHIER = "Siti Cashier";

async function variantId(container: MedusaContainer, sku: string): Promise<string | null> {
  const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku }, { select: ["id"] });
  return variant?.id ?? null;
}

const company = {
  name: "Syarikat Maju Jaya Sdn Bhd", phone: "+60355551234", email: "accounts@majujaya.my", address: "Lot 5, Jalan Industri 3, 40000 Shah Alam",
  tin: "C10000000020", brn: "201901012345", sst_no: "W10-1808-32000001",
};

/**
 * Quotations and invoices for the demo: a draft for a walk-in, a company quotation sent, accepted
 * and converted into an invoice with a deposit paid, a company invoice paid in full, and the shop's
 * MyInvois details. Skipped once any quotation exists.
 */
export async function seedInvoicing(container: MedusaContainer): Promise<void> {
  const invoicing = container.resolve<InvoicingModuleService>(INVOICING_MODULE);
  if ((await invoicing.listQuotations({}, { take: 1 })).length) return;
  const screen = await variantId(container, "PART-IP13-LCD-OEM");
  const battery = await variantId(container, "PART-IP11-BAT-ORI");

  await saveInvoicingSettingsWorkflow(container).run({
    input: { kind: "profile", row: { id: "default", ...einvoiceProfileBodySchema.parse({
      tin: "C20880050010", msic_code: "95120", msic_name: "Repair of communication equipment", city: "Kuala Lumpur", postcode: "50400", state_code: "14",
    }), updated_by: "Demo seed" } },
  });

  const draft = createQuotationBodySchema.parse({
    buyer: { name: "Tan Mei Ling", phone: "+60127788990" },
    lines: [
      { description: "iPhone 11 battery (original)", kind: "item", product_variant_id: battery, quantity: 1, unit_price_sen: 16000 },
      { description: "Battery replacement labour", kind: "service", quantity: 1, unit_price_sen: 4000 },
    ],
  });
  await createQuotationWorkflow(container).run({ input: { ...draft, customer_id: null, notes: null, created_by: CASHIER } });

  const fleet = createQuotationBodySchema.parse({
    buyer: company,
    lines: [
      { description: "iPhone 13 screen (OEM)", kind: "item", product_variant_id: screen, quantity: 3, unit_price_sen: 45000, discount_sen: 9000 },
      { description: "Screen replacement labour", kind: "service", quantity: 3, unit_price_sen: 8000 },
    ],
    notes: "Three company phones, collected and returned by courier.",
  });
  const { result: quotation } = await createQuotationWorkflow(container).run({ input: { ...fleet, customer_id: null, notes: fleet.notes ?? null, created_by: CASHIER } });
  await changeQuotationStatusWorkflow(container).run({ input: { id: quotation.id, status: "sent" } });
  await changeQuotationStatusWorkflow(container).run({ input: { id: quotation.id, status: "accepted" } });
  const { result: converted } = await convertQuotationWorkflow(container).run({ input: { id: quotation.id, created_by: CASHIER, due_days: 30 } });
  await recordInvoicePaymentWorkflow(container).run({
    input: { invoice_id: converted.invoice.id, method: "bank_transfer", amount_sen: 50000, reference: "Deposit FT-2211", received_by: CASHIER },
  });

  const accessories = createSalesInvoiceBodySchema.parse({
    buyer: company,
    lines: [{ description: "USB-C fast charger 20W", kind: "item", quantity: 10, unit_price_sen: 3500, discount_sen: 2500 }],
  });
  const { result: invoice } = await createSalesInvoiceWorkflow(container).run({ input: { ...accessories, customer_id: null, notes: null, created_by: CASHIER } });
  await recordInvoicePaymentWorkflow(container).run({
    input: { invoice_id: invoice.id, method: "bank_transfer", amount_sen: invoice.total_sen, reference: "FT-2230", received_by: CASHIER },
  });
}
