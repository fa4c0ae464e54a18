import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { repairService, retrieveJobOr404 } from "./job-context";
import type { RepairJobPatch } from "./update-plan";
import type { RepairJobRecord } from "../../modules/repair/types";

const DATE_FIELDS = ["sla_due_at", "eta"] as const;

/** Writes the planned fields; compensation puts back what they were. */
export const updateRepairJobFieldsStep = createStep(
  "update-repair-job-fields",
  async (input: { id: string; patch: RepairJobPatch }, { container }) => {
    const job = await retrieveJobOr404(container, input.id);
    const keys = Object.keys(input.patch) as Array<keyof RepairJobPatch>;
    if (!keys.length) return new StepResponse(job, null);
    const snapshot = Object.fromEntries(keys.map((k) => [k, job[k]])) as RepairJobPatch;
    const updated = await repairService(container).updateRepairJobs({ id: job.id, ...input.patch } as never);
    return new StepResponse<RepairJobRecord, { id: string; snapshot: RepairJobPatch }>(updated, { id: job.id, snapshot });
  },
  async (undo, { container }) => {
    if (!undo) return;
    // Stored step data may have come back through JSON: dates as strings.
    const restored: Record<string, unknown> = { ...undo.snapshot };
    for (const key of DATE_FIELDS) if (typeof restored[key] === "string") restored[key] = new Date(restored[key] as string);
    await repairService(container).updateRepairJobs({ id: undo.id, ...restored } as never);
  },
);
