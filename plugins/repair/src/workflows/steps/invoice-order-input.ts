import type { CreateOrderDTO } from "@medusajs/framework/types";
import { type BillingTotals, lineAmountSen, senToRinggit, SHOP_CURRENCY, type ShopSettings } from "@voltura/domain";
import type { RepairLineRecord } from "../../modules/repair-billing/types";
import { pricedLine, readHours } from "../../domain/billing-totals";

export interface InvoiceOrderContext {
  job: { id: string; job_number: string; customer_id: string | null };
  lines: readonly RepairLineRecord[];
  settings: Pick<ShopSettings, "tax">;
  totals: BillingTotals;
  region_id: string;
  sales_channel_id: string;
  invoiced_by: string;
}

/** Lines that appear on the invoice: every line not waived (claim labour at RM0 included, to show it was done). */
export function billableLines(lines: readonly RepairLineRecord[]): RepairLineRecord[] {
  return lines.filter((l) => !l.waived);
}

/**
 * The Medusa order that carries a repair invoice: one item per billable line in ringgit, SST as an
 * explicit tax line on taxable items (Medusa sums them unrounded; our invoice rounds the total half-up
 * to the sen), and the deposit as a transaction already received. Items carry no variant_id: the
 * parts were reserved and consumed by the job itself, and an order variant would be checked against
 * (and counted twice in) the same stock.
 */
export function buildInvoiceOrderInput(ctx: InvoiceOrderContext): CreateOrderDTO {
  const { tax } = ctx.settings;
  const rate = tax.exempt ? 0 : tax.sst_rate_bp;
  const items = billableLines(ctx.lines).map((line) => {
    const hourly = line.kind === "labour" && line.hours != null && line.rate_sen != null;
    const quantity = hourly ? 1 : Number(line.quantity);
    const unitSen = hourly ? lineAmountSen(pricedLine(line)) : Number(line.unit_price_sen);
    return {
      title: line.title,
      subtitle: hourly ? `${readHours(line.hours)} h × RM${(Number(line.rate_sen) / 100).toFixed(2)}` : undefined,
      quantity,
      unit_price: senToRinggit(unitSen),
      is_tax_inclusive: tax.prices_include_tax,
      requires_shipping: false,
      product_id: line.product_id ?? undefined,
      variant_sku: line.sku ?? undefined,
      tax_lines: line.taxable && rate > 0 ? [{ code: "SST", rate: rate / 100, description: `SST ${rate / 100}%` }] : [],
      metadata: {
        repair_line_id: line.id,
        kind: line.kind,
        variant_id: line.variant_id,
        grade: line.grade,
        warranty_days: Number(line.warranty_days),
        ...(line.note ? { note: line.note } : {}),
      },
    };
  });
  return {
    region_id: ctx.region_id,
    sales_channel_id: ctx.sales_channel_id,
    customer_id: ctx.job.customer_id ?? undefined,
    currency_code: SHOP_CURRENCY,
    status: "pending",
    no_notification: true,
    items,
    transactions: ctx.totals.deposit_applied_sen > 0
      ? [{ amount: senToRinggit(ctx.totals.deposit_applied_sen), currency_code: SHOP_CURRENCY, reference: "repair_deposit", reference_id: ctx.job.id }]
      : [],
    metadata: {
      repair_job_id: ctx.job.id,
      job_number: ctx.job.job_number,
      source: "repair_invoice",
      total_sen: ctx.totals.total_sen,
      sst_sen: ctx.totals.sst_sen,
      invoiced_by: ctx.invoiced_by,
    },
  };
}
