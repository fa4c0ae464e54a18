import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { repairService } from "./job-context";
import type { PlannedEvent } from "./update-plan";
import type { ActorRef, RepairJobEventRecord } from "../../modules/repair/types";

/** Adds lines to a job's timeline; compensation removes them. */
export const createRepairJobEventsStep = createStep(
  "create-repair-job-events",
  async (input: { repair_job_id: string; events: PlannedEvent[]; actor: ActorRef }, { container }) => {
    if (!input.events.length) return new StepResponse([] as RepairJobEventRecord[], [] as string[]);
    const at = new Date();
    const created = await repairService(container).createRepairJobEvents(
      input.events.map((e) => ({ repair_job_id: input.repair_job_id, kind: e.kind, detail: e.detail, actor: input.actor.name, actor_id: input.actor.id, at })),
    );
    return new StepResponse<RepairJobEventRecord[], string[]>(created, created.map((e) => e.id));
  },
  async (ids, { container }) => {
    if (ids?.length) await repairService(container).deleteRepairJobEvents(ids);
  },
);
