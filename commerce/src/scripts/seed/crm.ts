import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { addCustomerDeviceWorkflow, addCustomerNoteWorkflow, updateCrmCustomerWorkflow } from "@voltura/plugin-crm/workflows";
import type { CustomerType, DeviceType } from "@voltura/domain";

interface DemoProfile {
  customer: number;
  type?: CustomerType;
  tags?: string[];
  note?: string;
  device?: { device_type: DeviceType; brand: string; model: string; imei_serial?: string; colour?: string };
}

/** Indexes are positions in DEMO_CUSTOMERS. */
const PROFILES: DemoProfile[] = [
  { customer: 0, tags: ["vip"], note: "Prefers WhatsApp updates", device: { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481", colour: "Midnight" } },
  { customer: 1, type: "dealer", tags: ["reseller", "vip"], note: "Buys parts in bulk, quote trade price", device: { device_type: "laptop", brand: "Lenovo", model: "ThinkPad X1", imei_serial: "PF3ABC12" } },
  { customer: 4, type: "corporate", tags: ["corporate account", "invoice 30 days"], note: "PO number required on every invoice", device: { device_type: "laptop", brand: "Dell", model: "Latitude 5420", imei_serial: "DL5420MY001" } },
  { customer: 5, tags: ["warranty"] },
];

/** Customer types, tags, notes and devices for the demo customers. Skipped once notes exist. */
export async function seedCrm(container: MedusaContainer, customerIds: string[]): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "customer_note", fields: ["id"], pagination: { take: 1 } });
  if (data.length) return;
  for (const p of PROFILES) {
    const id = customerIds[p.customer]!;
    if (p.type || p.tags) await updateCrmCustomerWorkflow(container).run({ input: { id, customer_type: p.type, tags: p.tags } });
    if (p.note) await addCustomerNoteWorkflow(container).run({ input: { customer_id: id, body: p.note, author: "Siti Cashier" } });
    if (p.device) await addCustomerDeviceWorkflow(container).run({ input: { customer_id: id, ...p.device } });
  }
  container.resolve(ContainerRegistrationKeys.LOGGER).info("Seeded CRM profiles, tags, notes and devices");
}
