import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { claimJobLabourPrice, defaultWarrantyDays, linesEditable, REPAIR_STATUS_LABELS, ringgitToSen } from "@voltura/domain";
import type { AddRepairLineInput } from "@voltura/contracts";
import { loadShopSettings } from "@voltura/medusa-kit";
import { findShopLocationId, loadBillingJob, type BillingJob } from "./billing-context";
import { billingConflict } from "./billing-errors";
import type { PartReservationRequest } from "./part-stock";
import { findClaimForJob, findJobInvoice, findPendingQuote } from "./load-billing";
import type { NewRepairLine } from "../../modules/repair-billing/types";

export interface PrepareRepairLineInput {
  job_id: string;
  body: AddRepairLineInput;
  created_by: string;
}

export interface PreparedRepairLine {
  line: NewRepairLine;
  reservation: PartReservationRequest | null;
}

interface VariantRow {
  id: string;
  title: string | null;
  sku: string | null;
  manage_inventory: boolean;
  product?: { id: string; title: string; metadata?: Record<string, unknown> | null } | null;
  prices?: Array<{ amount: number | string; currency_code: string; rules_count?: number | null }> | null;
  inventory_items?: Array<{ inventory_item_id: string; required_quantity?: number }> | null;
}

async function loadVariant(container: MedusaContainer, variantId: string): Promise<VariantRow> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "variant",
    fields: [
      "id", "title", "sku", "manage_inventory", "product.id", "product.title", "product.metadata",
      "prices.amount", "prices.currency_code", "prices.rules_count", "inventory_items.inventory_item_id", "inventory_items.required_quantity",
    ],
    filters: { id: variantId },
  });
  // query.graph answers untyped rows here (the app's generated entity types are not in the plugin): the fields asked for above.
  const variant: VariantRow | undefined = data[0];
  if (!variant) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: variant_id: no product variant ${variantId}`);
  return variant;
}

/** The variant's plain MYR price in sen (no price-list or quantity rules), or null. */
function myrPriceSen(variant: VariantRow): number | null {
  const prices = (variant.prices ?? []).filter((p) => p.currency_code?.toLowerCase() === "myr");
  const plain = prices.find((p) => !p.rules_count) ?? prices[0];
  return plain ? ringgitToSen(Number(plain.amount)) : null;
}

function variantTitle(variant: VariantRow): string {
  const product = variant.product?.title ?? "";
  return !variant.title || variant.title === "Default" || variant.title === product ? product || variant.title || "Item" : `${product} (${variant.title})`;
}

function assertEditable(job: BillingJob, invoiced: boolean, pendingQuoteVersion: number | null) {
  if (pendingQuoteVersion != null) {
    throw billingConflict("quote_pending", `Quote v${pendingQuoteVersion} awaits the customer's decision; lines change after it is decided`);
  }
  if (invoiced) throw billingConflict("job_invoiced", `Job ${job.job_number} is already invoiced; its lines can no longer change`);
  if (!linesEditable(job.status)) {
    throw billingConflict("job_closed", `Lines cannot change while the job is ${REPAIR_STATUS_LABELS[job.status]}`);
  }
}

/**
 * Works out the line to store (prices from the variant, warranty days from the product or the shop
 * default, labour zero-priced on a warranty claim job) and the reservation a part needs. Reads only.
 */
export const prepareRepairLineStep = createStep("prepare-repair-line", async (input: PrepareRepairLineInput, { container }) => {
  const job = await loadBillingJob(container, input.job_id);
  const [invoice, claim, settings, pending] = await Promise.all([
    findJobInvoice(container, job.id), findClaimForJob(container, job.id), loadShopSettings(container), findPendingQuote(container, job.id),
  ]);
  assertEditable(job, !!invoice, pending ? Number(pending.version) : null);
  const body = input.body;
  const base = {
    repair_job_id: job.id, sku: null, variant_id: null, product_id: null, inventory_item_id: null, grade: null, fee_type: null,
    hours: null, rate_sen: null, note: null, stock_location_id: null, created_by: input.created_by,
  };

  if (body.kind === "fee") {
    const line: NewRepairLine = {
      ...base, kind: "fee", fee_type: body.fee_type, title: body.title ?? "Diagnostic fee", quantity: 1,
      unit_price_sen: body.amount_sen ?? settings.repair.diagnostic_fee_sen, warranty_days: 0, taxable: body.taxable, waived: false,
    };
    return new StepResponse<PreparedRepairLine>({ line, reservation: null });
  }

  if (body.kind === "labour") {
    let line: NewRepairLine;
    if (body.variant_id) {
      const variant = await loadVariant(container, body.variant_id);
      const price = body.unit_price_sen ?? myrPriceSen(variant);
      if (price == null) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: unit_price_sen: the service has no MYR price, give one");
      line = {
        ...base, kind: "labour", title: body.title ?? variantTitle(variant), sku: variant.sku, variant_id: variant.id,
        product_id: variant.product?.id ?? null, quantity: body.quantity, unit_price_sen: price,
        warranty_days: body.warranty_days ?? defaultWarrantyDays(variant.product?.metadata, settings.repair.default_warranty_days),
        taxable: body.taxable, waived: false,
      };
    } else {
      const hourly = body.hours !== undefined;
      line = {
        ...base, kind: "labour", title: body.title!, quantity: hourly ? 1 : body.quantity,
        unit_price_sen: hourly ? 0 : body.unit_price_sen!, hours: hourly ? body.hours! : null, rate_sen: hourly ? body.rate_sen! : null,
        warranty_days: body.warranty_days ?? settings.repair.default_warranty_days, taxable: body.taxable, waived: false,
      };
    }
    if (claim) line = { ...claimJobLabourPrice(line), note: "No labour charge: warranty claim" };
    return new StepResponse<PreparedRepairLine>({ line, reservation: null });
  }

  const variant = await loadVariant(container, body.variant_id);
  const price = body.unit_price_sen ?? myrPriceSen(variant);
  if (price == null) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: unit_price_sen: the part has no MYR price, give one");
  const inventoryItem = variant.inventory_items?.[0];
  const managed = variant.manage_inventory && !!inventoryItem;
  const locationId = managed ? await findShopLocationId(container) : null;
  const line: NewRepairLine = {
    ...base, kind: "part", title: body.title ?? variantTitle(variant), sku: variant.sku, variant_id: variant.id,
    product_id: variant.product?.id ?? null, inventory_item_id: inventoryItem?.inventory_item_id ?? null, grade: body.grade,
    quantity: body.quantity, unit_price_sen: price, stock_location_id: locationId,
    warranty_days: body.warranty_days ?? defaultWarrantyDays(variant.product?.metadata, settings.repair.default_warranty_days),
    taxable: body.taxable, waived: false,
  };
  const reservation: PartReservationRequest | null = managed
    ? {
      inventory_item_id: inventoryItem.inventory_item_id,
      location_id: locationId!,
      quantity: body.quantity * Number(inventoryItem.required_quantity ?? 1),
      description: `Repair ${job.job_number}: ${line.title}`,
      metadata: { repair_job_id: job.id, job_number: job.job_number },
    }
    : null;
  return new StepResponse<PreparedRepairLine>({ line, reservation });
});
