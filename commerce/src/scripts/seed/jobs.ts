import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { changeRepairJobStatusWorkflow, createRepairJobWorkflow, updateRepairJobWorkflow } from "@voltura/plugin-repair/workflows";
import { normalisePhone, slaDueAt } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import { DEMO_CUSTOMERS, DEMO_JOBS } from "./demo-data";

const HOUR = 3_600_000;

/** Jobs in every status, walked there through the real workflows. Skipped when jobs exist. */
export async function seedJobs(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "repair_job", fields: ["id"], pagination: { take: 1 } });
  if (data.length) return;
  const [tech] = await container.resolve(Modules.USER).listUsers({ email: "tech@voltura.demo" });
  const actor = { id: tech?.id ?? "seed", name: "Ravi Technician" };

  const ids: string[] = [];
  for (const job of DEMO_JOBS) {
    const customer = DEMO_CUSTOMERS[job.customer]!;
    const { result } = await createRepairJobWorkflow(container).run({
      input: {
        customer: { name: customer.name, phone: normalisePhone(customer.phone) },
        device_type: job.device_type,
        brand: job.brand,
        model: job.model,
        issue: job.issue,
        priority: job.priority,
        created_by: "Siti Cashier",
        ...job.intake,
        technician_id: job.path.length && tech ? tech.id : undefined,
      },
    });
    ids.push(result.id);
    if (job.diagnosis) {
      await updateRepairJobWorkflow(container).run({ input: { id: result.id, changes: { diagnosis: job.diagnosis }, actor } });
    }
    for (const to of job.path) {
      await changeRepairJobStatusWorkflow(container).run({ input: { id: result.id, to, note: "Demo history", changed_by: actor.name } });
    }
  }

  // One job past its SLA, so the breach views have something to show.
  const settings = await loadShopSettings(container);
  const overdue = DEMO_JOBS.findIndex((j) => j.overdueHours);
  if (overdue >= 0) {
    const receivedAt = new Date(Date.now() - DEMO_JOBS[overdue]!.overdueHours! * HOUR);
    await container.resolve<{ updateRepairJobs(d: object): Promise<unknown> }>("repair").updateRepairJobs({
      id: ids[overdue], received_at: receivedAt, sla_due_at: slaDueAt(receivedAt, DEMO_JOBS[overdue]!.priority, settings),
    });
  }
  logger.info(`Seeded ${DEMO_JOBS.length} repair jobs, one in every status`);
}
