import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { CustomerType } from "@voltura/domain";
import { asTags, DEVICE_FIELDS, PROFILE_FIELDS, type CustomerCrmState, type DeviceRow, type ProfileRow } from "../../domain/customer-state";

type GraphRow = Record<string, unknown> & {
  customer_profile?: (ProfileRow & { tags: unknown }) | null;
  devices?: Array<DeviceRow | null> | null;
  repair_jobs?: Array<{ id: string } | null> | null;
};

const time = (v: Date | string | null) => (v ? new Date(v).getTime() : 0);
const textOrNull = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** A customer with their CRM profile, devices and repair job ids, read through the links. */
export async function loadCustomerCrmState(container: MedusaContainer, customerId: string): Promise<CustomerCrmState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "customer",
    fields: [
      "id", "first_name", "last_name", "email", "phone",
      ...PROFILE_FIELDS.map((f) => `customer_profile.${f}`),
      ...DEVICE_FIELDS.map((f) => `devices.${f}`),
      "repair_jobs.id",
    ],
    filters: { id: customerId },
  });
  // The graph's row type does not know the links' fields; GraphRow names the ones read here.
  const row = data[0] as GraphRow | undefined;
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${customerId} was not found`);
  const profile = row.customer_profile
    ? { ...row.customer_profile, customer_type: row.customer_profile.customer_type as CustomerType, tags: asTags(row.customer_profile.tags) }
    : null;
  return {
    customer: {
      id: String(row.id),
      first_name: textOrNull(row.first_name),
      last_name: textOrNull(row.last_name),
      email: textOrNull(row.email),
      phone: textOrNull(row.phone),
    },
    profile,
    devices: (row.devices ?? []).filter((d): d is DeviceRow => !!d).sort((a, b) => time(b.created_at) - time(a.created_at)),
    repair_job_ids: (row.repair_jobs ?? []).filter((j): j is { id: string } => !!j).map((j) => j.id),
  };
}

/** Reads the customer's CRM state (take the customer's lock first when writes follow). */
export const loadCustomerCrmStateStep = createStep("load-crm-customer-state", async (customerId: string, { container }) =>
  new StepResponse(await loadCustomerCrmState(container, customerId)));
