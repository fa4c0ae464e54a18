import { asValue } from "@medusajs/framework/awilix";
import type { MedusaContainer } from "@medusajs/framework/types";
import { createMedusaContainer } from "@medusajs/framework/utils";

/**
 * A Medusa container whose CRM module, Link service, order module, locking, event bus and query are
 * stand-ins: every write is recorded (one entry per link definition); `failing` makes the n-th call
 * of a write (1-based) throw after it was recorded, to drive the workflows' compensations.
 */
export function fakeContainer(
  graphRows: Record<string, Array<Record<string, unknown>>> = {},
  existingLinks: unknown[] = [],
  failing: Record<string, number> = {},
) {
  const calls: Array<[string, ...unknown[]]> = [];
  const counts = new Map<string, number>();
  let seq = 0;
  const note = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args]);
    const n = (counts.get(name) ?? 0) + 1;
    counts.set(name, n);
    if (failing[name] === n) throw new Error(`${name} failed`);
  };
  const record = (name: string, result?: (...args: unknown[]) => unknown) => async (...args: unknown[]) => {
    note(name, ...args);
    return result ? result(...args) : undefined;
  };
  const eachLink = (name: string) => async (links: unknown) => {
    for (const link of Array.isArray(links) ? links : [links]) note(name, link);
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
    link: { create: eachLink("link.create"), dismiss: eachLink("link.dismiss"), list: async () => existingLinks },
    order: { updateOrders: record("order.updateOrders") },
    logger: { error: record("logger.error"), warn: () => {}, info: () => {}, debug: () => {} },
    locking: { acquire: async () => {}, release: async () => true, execute: async (_keys: unknown, job: () => Promise<unknown>) => job() },
    event_bus: { emit: record("event_bus.emit"), releaseGroupedEvents: async () => {}, clearGroupedEvents: async () => {} },
    query: { graph: async ({ entity }: { entity: string }) => ({ data: graphRows[entity] ?? [] }) },
  };
  const container: MedusaContainer = createMedusaContainer();
  for (const [key, service] of Object.entries(services)) container.register(key, asValue(service));
  return { container, calls, names: () => calls.map((c) => c[0]), crm };
}
