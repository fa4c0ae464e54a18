import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { changeRepairJobStatusWorkflow, createRepairJobWorkflow } from "@voltura/plugin-repair/workflows";
import { normalisePhone } from "@voltura/domain";
import { DEMO_CUSTOMERS, DEMO_JOBS } from "./demo-data";

/** Jobs in every status, walked there through the real workflows. Skipped when jobs exist. */
export async function seedJobs(container: MedusaContainer): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity: "repair_job", fields: ["id"], pagination: { take: 1 } });
  if (data.length) return;
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
      },
    });
    for (const to of job.path) {
      await changeRepairJobStatusWorkflow(container).run({
        input: { id: result.id, to, note: "Demo history", changed_by: "Ravi Technician" },
      });
    }
  }
  logger.info(`Seeded ${DEMO_JOBS.length} repair jobs, one in every status`);
}
