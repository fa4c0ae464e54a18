import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import type { RepairStatus, ShopSettings } from "@voltura/domain";

/** Names the demo seed (and a real shop's setup) gives the places billing needs. */
export const SHOP_LOCATION_NAME = "Shop";
export const COUNTER_CHANNEL_NAME = "Counter";
export const INVOICE_REGION_NAME = "Malaysia";
export const INVOICE_CURRENCY = "myr";

/** Lines may change while the job is open; a completed, delivered or closed job is billed as it is. */
export const LINE_EDITABLE_STATUSES: readonly RepairStatus[] = ["pending", "awaiting_approval", "awaiting_parts", "in_progress"];

/** The job as billing reads it. deposit_sen and imei_serial come from the repair module when it has them. */
export interface BillingJob {
  id: string;
  job_number: string;
  status: RepairStatus;
  customer_id: string | null;
  customer_name: string;
  customer_phone: string;
  device_type: string;
  brand: string;
  model: string;
  issue: string;
  priority: string;
  deposit_sen: number;
  imei_serial: string | null;
  colour: string | null;
}

export function toBillingJob(row: Record<string, unknown>): BillingJob {
  const customer = row.customer as { id?: string } | null | undefined;
  const deposit = Number(row.deposit_sen ?? 0);
  const imei = row.imei_serial;
  return {
    id: String(row.id),
    job_number: String(row.job_number),
    status: row.status as RepairStatus,
    customer_id: customer?.id ?? null,
    customer_name: String(row.customer_name ?? ""),
    customer_phone: String(row.customer_phone ?? ""),
    device_type: String(row.device_type ?? ""),
    brand: String(row.brand ?? ""),
    model: String(row.model ?? ""),
    issue: String(row.issue ?? ""),
    priority: String(row.priority ?? "normal"),
    deposit_sen: Number.isSafeInteger(deposit) && deposit > 0 ? deposit : 0,
    imei_serial: typeof imei === "string" && imei.trim() ? imei.trim() : null,
    colour: typeof row.colour === "string" && row.colour.trim() ? row.colour.trim() : null,
  };
}

/** Reads every column the repair module has ("*"), so fields added by intake are picked up when present. */
export async function loadBillingJob(container: MedusaContainer, id: string): Promise<BillingJob> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "repair_job", fields: ["*", "customer.id"], filters: { id } });
  if (!data[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Repair job ${id} was not found`);
  return toBillingJob(data[0] as Record<string, unknown>);
}

export async function loadShopSettings(container: MedusaContainer): Promise<ShopSettings> {
  return container.resolve<{ retrieveSettings(): Promise<ShopSettings> }>("shopSettings").retrieveSettings();
}

export async function findShopLocationId(container: MedusaContainer): Promise<string> {
  const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: SHOP_LOCATION_NAME }, { take: 1 });
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No stock location named "${SHOP_LOCATION_NAME}": create it before billing parts`);
  return location.id;
}

export async function findCounterSalesChannelId(container: MedusaContainer): Promise<string> {
  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: COUNTER_CHANNEL_NAME }, { take: 1 });
  if (!channel) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No sales channel named "${COUNTER_CHANNEL_NAME}": invoices are raised there`);
  return channel.id;
}

export async function findInvoiceRegionId(container: MedusaContainer): Promise<string> {
  const regions = container.resolve(Modules.REGION);
  const [region] = await regions.listRegions({ name: INVOICE_REGION_NAME }, { take: 1 });
  if (region) return region.id;
  const [myr] = await regions.listRegions({ currency_code: INVOICE_CURRENCY }, { take: 1 });
  if (!myr) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No region "${INVOICE_REGION_NAME}" (MYR): invoices are raised there`);
  return myr.id;
}
