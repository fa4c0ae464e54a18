import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { normalisePhone } from "@voltura/domain";
import { addRepairLineBodySchema } from "@voltura/contracts";
import {
  addRepairLineWorkflow,
  changeRepairJobStatusWorkflow,
  createRepairJobWorkflow,
  decideRepairQuoteWorkflow,
  recordRepairPickupWorkflow,
  sendRepairQuoteWorkflow,
} from "@voltura/plugin-repair/workflows";

async function variantId(container: MedusaContainer, sku: string): Promise<string> {
  const [variant] = await container.resolve(Modules.PRODUCT).listProductVariants({ sku }, { select: ["id"] });
  if (!variant) throw new Error(`demo variant ${sku} is missing`);
  return variant.id;
}

/**
 * Two jobs walked through billing: one quoted and waiting for the customer's answer, one repaired,
 * invoiced, paid (card + cash) and collected, so its warranties run. Skipped once an invoice exists.
 */
export async function seedBilling(container: MedusaContainer): Promise<void> {
  const billing = container.resolve<{ listRepairInvoices(f: object, c: object): Promise<unknown[]> }>("repairBilling");
  if ((await billing.listRepairInvoices({}, { take: 1 })).length) return;
  const screen = await variantId(container, "PART-IP13-LCD-OEM");
  const labour = await variantId(container, "SVC-LAB-SCREEN");
  const battery = await variantId(container, "PART-IP11-BAT-ORI");
  const batteryLabour = await variantId(container, "SVC-LAB-BATT");
  const tech = "Ravi Technician";

  const addLines = async (jobId: string, bodies: unknown[]) => {
    for (const body of bodies) {
      await addRepairLineWorkflow(container).run({ input: { job_id: jobId, body: addRepairLineBodySchema.parse(body), created_by: tech } });
    }
  };

  const done = await createRepairJobWorkflow(container).run({
    input: {
      customer: { name: "Aisyah Rahman", phone: normalisePhone("012-345 6789") },
      device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Screen cracked, touch dead in the lower half",
      priority: "high", created_by: "Siti Cashier", imei_serial: "352099001761481", colour: "Midnight",
      accessories: ["Case"], condition_notes: "Cracked glass, frame scratched", deposit_sen: 5000,
    },
  });
  const jobId = done.result.id;
  await addLines(jobId, [{ kind: "fee" }, { kind: "part", variant_id: screen, grade: "oem" }, { kind: "labour", variant_id: labour }]);
  await sendRepairQuoteWorkflow(container).run({ input: { job_id: jobId, sent_by: tech } });
  await decideRepairQuoteWorkflow(container).run({ input: { job_id: jobId, decision: "approve", channel: "counter", decided_by: "Siti Cashier" } });
  await changeRepairJobStatusWorkflow(container).run({ input: { id: jobId, to: "completed", note: "Screen replaced, tested", changed_by: tech } });
  const { data: invoices } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "repair_invoice", fields: ["amount_due_sen"], filters: { repair_job_id: jobId },
  });
  const due = Number((invoices[0] as { amount_due_sen: number } | undefined)?.amount_due_sen ?? 0);
  const card = Math.min(30000, due);
  await recordRepairPickupWorkflow(container).run({
    input: {
      job_id: jobId, collected_by: "Aisyah Rahman", received_by: "Siti Cashier",
      payments: [{ method: "card", amount_sen: card, reference: "APPR 418822" }, ...(due > card ? [{ method: "cash" as const, amount_sen: due - card }] : [])],
    },
  });

  const waiting = await createRepairJobWorkflow(container).run({
    input: {
      customer: { name: "Lim Ah Kow", phone: normalisePhone("017-555 0101") },
      device_type: "phone", brand: "Apple", model: "iPhone 11", issue: "Battery swells, back cover lifting",
      priority: "normal", created_by: "Siti Cashier", accessories: [], deposit_sen: 0,
    },
  });
  await addLines(waiting.result.id, [{ kind: "part", variant_id: battery, grade: "original" }, { kind: "labour", variant_id: batteryLabour }]);
  await sendRepairQuoteWorkflow(container).run({ input: { job_id: waiting.result.id, sent_by: tech } });
  container.resolve(ContainerRegistrationKeys.LOGGER).info("Seeded billing: one job invoiced and collected, one quote awaiting approval");
}
