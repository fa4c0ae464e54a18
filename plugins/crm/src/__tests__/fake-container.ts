import type { MedusaContainer } from "@medusajs/framework/types";

/** A container stand-in that records every write made to the CRM module, the Link service and the order module. */
export function fakeContainer(graphRows: Record<string, Array<Record<string, unknown>>> = {}, existingLinks: unknown[] = []) {
  const calls: Array<[string, ...unknown[]]> = [];
  let seq = 0;
  const record = (name: string, result?: (...args: unknown[]) => unknown) => async (...args: unknown[]) => {
    calls.push([name, ...args]);
    return result ? result(...args) : undefined;
  };
  const crm = {
    createCustomerProfiles: record("createCustomerProfiles", (data) => ({ id: `cprof_${++seq}`, ...(data as object) })),
    updateCustomerProfiles: record("updateCustomerProfiles", (data) => data),
    deleteCustomerProfiles: record("deleteCustomerProfiles"),
    softDeleteCustomerProfiles: record("softDeleteCustomerProfiles"),
    restoreCustomerProfiles: record("restoreCustomerProfiles"),
    createDevices: record("createDevices", (data) => ({ id: `cdev_${++seq}`, ...(data as object) })),
    deleteDevices: record("deleteDevices"),
    softDeleteDevices: record("softDeleteDevices"),
    restoreDevices: record("restoreDevices"),
    createCustomerNotes: record("createCustomerNotes", (data) => ({ id: `cnote_${++seq}`, created_at: new Date(), ...(data as object) })),
    deleteCustomerNotes: record("deleteCustomerNotes"),
    updateCustomerNotes: record("updateCustomerNotes"),
  };
  const services: Record<string, unknown> = {
    crm,
    // Reads are not recorded; `existingLinks` is what every link.list answers.
    link: { create: record("link.create"), dismiss: record("link.dismiss"), list: async () => existingLinks },
    order: { updateOrders: record("order.updateOrders") },
    logger: { error: record("logger.error") },
    locking: { execute: async (_keys: unknown, job: () => Promise<unknown>) => job() },
    query: { graph: async ({ entity }: { entity: string }) => ({ data: graphRows[entity] ?? [] }) },
  };
  const container = { resolve: (key: string) => services[key] } as unknown as MedusaContainer;
  return { container, calls, names: () => calls.map((c) => c[0]) };
}
