import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { formatJobNumber, REPAIR_LIFECYCLE, shopYear, type DeviceType, type Priority } from "@voltura/domain";
import { REPAIR_MODULE } from "../../modules/repair/index";
import type RepairModuleService from "../../modules/repair/service";
import type { RepairJobRecord } from "../types";

export interface CreateRepairJobRecordInput {
  device_type: DeviceType;
  brand: string;
  model: string;
  issue: string;
  priority: Priority;
  customer_name: string;
  customer_phone: string;
  created_by: string;
}

const PREFIX = "VSH";

/** Takes the next job number and stores the job with its first history line (Pending). */
export const createRepairJobRecordStep = createStep(
  "create-repair-job-record",
  async (input: CreateRepairJobRecordInput, { container }) => {
    const repair = container.resolve<RepairModuleService>(REPAIR_MODULE);
    const year = shopYear(new Date());
    const series = `${PREFIX}-${year}`;
    const sequence = await repair.allocateSequence(series);
    const jobNumber = formatJobNumber(year, sequence, PREFIX);
    const job = await repair.createRepairJobs({
      ...input,
      job_number: jobNumber,
      status: "pending",
      workflow_id: REPAIR_LIFECYCLE.workflowId(jobNumber),
    });
    await repair.createRepairJobStatusChanges({
      repair_job_id: job.id,
      from_status: null,
      to_status: "pending",
      note: "Job received at the counter",
      changed_by: input.created_by,
      changed_at: new Date(),
    });
    return new StepResponse(job as unknown as RepairJobRecord, { id: job.id, series, sequence });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const repair = container.resolve<RepairModuleService>(REPAIR_MODULE);
    const changes = await repair.listRepairJobStatusChanges({ repair_job_id: undo.id });
    await repair.deleteRepairJobStatusChanges(changes.map((c) => c.id));
    await repair.deleteRepairJobs(undo.id);
    await repair.releaseSequence(undo.series, undo.sequence);
  },
);
