import { createCustomersWorkflow, createRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows";
import type { CustomerDTO } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { DeviceType, Priority } from "@voltura/domain";
import { REPAIR_MODULE } from "../modules/repair/index";
import { createRepairJobRecordStep } from "./steps/create-repair-job-record";
import { findCustomerByPhoneStep } from "./steps/find-customer-by-phone";
import { startLifecycleStep } from "./steps/start-lifecycle";

export interface CreateRepairJobInput {
  /** phone is already normalised to E.164 by the route. */
  customer: { name: string; phone: string };
  device_type: DeviceType;
  brand: string;
  model: string;
  issue: string;
  priority: Priority;
  created_by: string;
}

export const REPAIR_JOB_CREATED = "repair_job.created";

export const createRepairJobWorkflow = createWorkflow("create-repair-job", (input: CreateRepairJobInput) => {
  const existing = findCustomerByPhoneStep(input.customer.phone);

  const created = when("customer-is-new", { existing }, ({ existing }) => !existing).then(() => {
    const customersData = transform({ input }, ({ input }) => {
      const [first, ...rest] = input.customer.name.trim().split(/\s+/);
      return [{ first_name: first, last_name: rest.join(" ") || null, phone: input.customer.phone }];
    });
    return createCustomersWorkflow.runAsStep({ input: { customersData } });
  });

  const customerId = transform({ existing, created }, ({ existing, created }) =>
    existing ? existing.id : (created as CustomerDTO[])[0]!.id,
  );

  const job = createRepairJobRecordStep(
    transform({ input }, ({ input }) => ({
      device_type: input.device_type,
      brand: input.brand,
      model: input.model,
      issue: input.issue,
      priority: input.priority,
      customer_name: input.customer.name,
      customer_phone: input.customer.phone,
      created_by: input.created_by,
    })),
  );

  createRemoteLinkStep(
    transform({ job, customerId }, ({ job, customerId }) => [
      { [Modules.CUSTOMER]: { customer_id: customerId }, [REPAIR_MODULE]: { repair_job_id: job.id } },
    ]),
  );

  // Other plugins (crm: the customer's devices) extend intake here, inside the same transaction.
  const repairJobCreated = createHook("repairJobCreated", { job, customerId, input });
  startLifecycleStep(job);
  emitEventStep({ eventName: REPAIR_JOB_CREATED, data: transform({ job }, ({ job }) => ({ id: job.id })) });
  return new WorkflowResponse(job, { hooks: [repairJobCreated] });
});
