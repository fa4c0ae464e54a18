import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import type { RepairStatus } from "@voltura/domain";
import { findCounterChannelId, findShopLocationId as findShopLocation, findShopRegionId } from "@voltura/medusa-kit";

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

export const findShopLocationId = (container: MedusaContainer) => findShopLocation(container, "create it before billing parts");
export const findCounterSalesChannelId = (container: MedusaContainer) => findCounterChannelId(container, "invoices are raised there");
export const findInvoiceRegionId = (container: MedusaContainer) => findShopRegionId(container, "invoices are raised there");
