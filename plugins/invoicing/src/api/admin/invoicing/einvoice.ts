import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { shopMonthUtcRange } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import { REPAIR_BILLING_MODULE, type RepairBillingModuleService } from "@voltura/plugin-repair/modules/repair-billing";
import { computeDocumentTotals } from "../../../domain/lines";
import {
  buildConsolidatedDocument, buildMyInvoisDocument, supplierProfileSchema, type ConsolidatedReceipt, type EInvoiceBuyer, type SupplierProfile,
} from "../../../domain/myinvois/build";
import type { MyInvoisDocument } from "../../../domain/myinvois/schema";
import { invoicingConflict, invoicingService } from "../../../workflows/steps/context";
import { loadInvoice } from "../../../workflows/steps/documents";
import type { SalesInvoiceRecord } from "../../../modules/invoicing/records";

export const PROFILE_ID = "default";

export interface ProfileRow { id: string; tin: string; msic_code: string; msic_name: string; city: string; postcode: string; state_code: string }

export async function loadProfileRow(container: MedusaContainer): Promise<ProfileRow | null> {
  const [row] = await invoicingService(container).listEInvoiceProfiles({ id: PROFILE_ID });
  return row ?? null;
}

/** The shop as supplier: the e-invoice profile plus the shop settings' business block. 409 until configured. */
export async function loadSupplier(container: MedusaContainer): Promise<SupplierProfile> {
  const [row, settings] = await Promise.all([loadProfileRow(container), loadShopSettings(container)]);
  if (!row) throw invoicingConflict("einvoice_profile_missing", "Set the shop's TIN and MSIC code under Settings → Documents before exporting e-invoices");
  const b = settings.business;
  const addressLines = b.address.split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
  return supplierProfileSchema.parse({
    name: b.name, tin: row.tin, brn: b.registration_no.split(/\s/)[0] || b.registration_no, sst_no: b.sst_no,
    msic_code: row.msic_code, msic_name: row.msic_name, phone: b.phone, email: b.email || null,
    address_lines: addressLines.length <= 3 ? addressLines : [...addressLines.slice(0, 2), addressLines.slice(2).join(", ")],
    city: row.city, postcode: row.postcode, state_code: row.state_code,
  });
}

/** A buyer who can get their own e-invoice: TIN plus BRN (business) or NRIC (individual). */
export function einvoiceBuyer(invoice: Pick<SalesInvoiceRecord, "buyer">): EInvoiceBuyer | null {
  const b = invoice.buyer;
  if (!b.tin || (!b.brn && !b.nric)) return null;
  return {
    name: b.name, tin: b.tin, id_scheme: b.brn ? "BRN" : "NRIC", id_value: (b.brn ?? b.nric)!, sst_no: b.sst_no,
    phone: b.phone, email: b.email, address: b.address,
  };
}

/** The MyInvois document of one invoice; 409 when the buyer has no TIN (it goes in the monthly consolidated file). */
export async function invoiceDocument(container: MedusaContainer, id: string): Promise<{ number: string; document: MyInvoisDocument }> {
  const invoice = await loadInvoice(container, id);
  const buyer = einvoiceBuyer(invoice);
  if (!buyer) {
    throw invoicingConflict("buyer_tin_missing", `Invoice ${invoice.invoice_number} has no buyer TIN with BRN or NRIC; it is reported in the month's consolidated e-invoice`);
  }
  const [supplier, settings] = await Promise.all([loadSupplier(container), loadShopSettings(container)]);
  const totals = computeDocumentTotals(invoice.lines, { ...settings.tax, prices_include_tax: invoice.prices_include_tax });
  const document = buildMyInvoisDocument({
    number: invoice.invoice_number,
    issued_at: new Date(invoice.issued_at),
    supplier,
    buyer,
    prices_include_tax: invoice.prices_include_tax,
    lines: invoice.lines.map((line, i) => ({
      description: line.description, quantity: line.quantity, unit_price_sen: line.unit_price_sen, discount_sen: line.discount_sen,
      net_sen: totals.lines[i]!.net_sen, sst_sen: totals.lines[i]!.sst_sen, sst_rate_bp: totals.lines[i]!.sst_rate_bp,
      service: line.kind === "service", classification_code: line.classification_code,
    })),
  });
  return { number: invoice.invoice_number, document };
}

type OrderRow = { id: string; display_id?: number; created_at: string | Date; metadata?: Record<string, unknown> | null; total?: unknown; tax_total?: unknown };

const sen = (ringgit: unknown) => Math.round(Number(ringgit ?? 0) * 100);

/** Every B2C sale of the month without its own e-invoice: POS receipts, repair invoices, counter invoices without TIN. */
export async function consolidatedReceipts(container: MedusaContainer, month: string): Promise<ConsolidatedReceipt[]> {
  const { from, to } = shopMonthUtcRange(month);
  const settings = await loadShopSettings(container);
  const rate = settings.tax.exempt ? 0 : settings.tax.sst_rate_bp;
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "created_at", "metadata", "total", "tax_total"],
    filters: { created_at: { $gte: from, $lt: to } },
  });
  const pos = (orders as OrderRow[])
    .filter((o) => o.metadata?.source === "pos")
    .map((o): ConsolidatedReceipt => {
      const tax = sen(o.tax_total);
      return { reference: String(o.metadata?.receipt_number ?? `Order #${o.display_id ?? o.id}`), net_sen: sen(o.total) - tax, sst_sen: tax, sst_rate_bp: tax > 0 ? rate : 0, service: false };
    });

  const repairBilling = container.resolve<RepairBillingModuleService>(REPAIR_BILLING_MODULE);
  const repairs = (await repairBilling.listRepairInvoices({ issued_at: { $gte: from, $lt: to } })).map((r): ConsolidatedReceipt => ({
    reference: r.invoice_number, net_sen: r.total_sen - r.sst_sen, sst_sen: r.sst_sen, sst_rate_bp: r.sst_sen > 0 ? r.sst_rate_bp : 0, service: true,
  }));

  const counter = (await invoicingService(container).listSalesInvoices({ issued_at: { $gte: from, $lt: to } }))
    .filter((inv) => einvoiceBuyer(inv) === null)
    .map((inv): ConsolidatedReceipt => ({
      reference: inv.invoice_number, net_sen: inv.total_sen - inv.sst_sen, sst_sen: inv.sst_sen, sst_rate_bp: inv.sst_sen > 0 ? rate : 0,
      service: inv.lines.every((l) => l.kind === "service"),
    }));
  return [...pos, ...repairs, ...counter].sort((a, b) => a.reference.localeCompare(b.reference));
}

/** The month's consolidated e-invoice (general public buyer, classification 004); 409 when there were no such sales. */
export async function consolidatedDocument(container: MedusaContainer, month: string): Promise<{ number: string; document: MyInvoisDocument; receipts: number }> {
  const receipts = await consolidatedReceipts(container, month);
  if (!receipts.length) throw invoicingConflict("nothing_to_consolidate", `There were no B2C sales in ${month} to consolidate`);
  const supplier = await loadSupplier(container);
  const number = `CON-${month}`;
  const document = buildConsolidatedDocument({ number, month, issued_at: new Date(), supplier, receipts, prices_include_tax: false });
  return { number, document, receipts: receipts.length };
}
