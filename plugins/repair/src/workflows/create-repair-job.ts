import { createCustomersWorkflow, createRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows";
import type { CustomerDTO } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createHook, createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import type { DeviceType, Priority } from "@voltura/domain";
import { REPAIR_MODULE } from "../modules/repair/index";
import { createRepairJobRecordStep } from "./steps/create-repair-job-record";
import { findCustomerByPhoneStep } from "./steps/find-customer-by-phone";
import { resolveTechnicianStep } from "./steps/resolve-technician";
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
  /** The user id behind created_by, for the job's timeline. */
  created_by_id?: string | null;
  // Optional intake fields (validated by the route: IMEI normalised and Luhn-checked).
  imei_serial?: string | null;
  colour?: string | null;
  accessories?: string[];
  condition_notes?: string | null;
  deposit_sen?: number;
  /** Must be an active user with the technician role. */
  technician_id?: string | null;
  eta?: string | Date | null;
}

export const REPAIR_JOB_CREATED = "repair_job.created";

export const createRepairJobWorkflow = createWorkflow("create-repair-job", (input: CreateRepairJobInput) => {
  // Checked before anything is written, so a wrong technician creates no customer.
  const technician = resolveTechnicianStep(transform({ input }, ({ input }) => input.technician_id ?? null));
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
    transform({ input, technician }, ({ input, technician }) => ({
      device_type: input.device_type,
      brand: input.brand,
      model: input.model,
      issue: input.issue,
      priority: input.priority,
      customer_name: input.customer.name,
      customer_phone: input.customer.phone,
      created_by: input.created_by,
      created_by_id: input.created_by_id ?? null,
      imei_serial: input.imei_serial ?? null,
      colour: input.colour ?? null,
      accessories: input.accessories ?? [],
      condition_notes: input.condition_notes ?? null,
      deposit_sen: input.deposit_sen ?? 0,
      technician,
      eta: input.eta ? new Date(input.eta) : null,
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
