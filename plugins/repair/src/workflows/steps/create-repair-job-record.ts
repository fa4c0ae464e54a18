import { randomBytes } from "node:crypto";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import {
  formatJobNumber,
  REPAIR_LIFECYCLE,
  shopYear,
  slaDueAt,
  TRACKING_TOKEN_BYTES,
  trackingTokenFromBytes,
  type DeviceType,
  type Priority,
} from "@voltura/domain";
import { loadShopSettings, repairService, type Technician } from "../../desk/context";
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
  created_by_id: string | null;
  imei_serial: string | null;
  colour: string | null;
  accessories: string[];
  condition_notes: string | null;
  deposit_sen: number;
  technician: Technician | null;
  eta: Date | null;
}

const PREFIX = "VSH";

/**
 * Takes the next job number and stores the job with its first history line (Pending), its SLA
 * due time (from the shop's sla_hours for the priority), a fresh tracking token, and — when a
 * technician was chosen at the counter — the assignment on its timeline.
 */
export const createRepairJobRecordStep = createStep(
  "create-repair-job-record",
  async (input: CreateRepairJobRecordInput, { container }) => {
    const repair = repairService(container);
    const settings = await loadShopSettings(container);
    const receivedAt = new Date();
    const year = shopYear(receivedAt);
    const series = `${PREFIX}-${year}`;
    const sequence = await repair.allocateSequence(series);
    const jobNumber = formatJobNumber(year, sequence, PREFIX);
    const { technician, created_by_id, ...fields } = input;
    const job = await repair.createRepairJobs({
      ...fields,
      technician_id: technician?.id ?? null,
      technician_name: technician?.name ?? null,
      job_number: jobNumber,
      status: "pending",
      workflow_id: REPAIR_LIFECYCLE.workflowId(jobNumber),
      received_at: receivedAt,
      sla_due_at: slaDueAt(receivedAt, input.priority, settings),
      sla_paused_seconds: 0,
      sla_paused_since: null,
      tracking_token: trackingTokenFromBytes(randomBytes(TRACKING_TOKEN_BYTES)),
    });
    await repair.createRepairJobStatusChanges({
      repair_job_id: job.id,
      from_status: null,
      to_status: "pending",
      note: "Job received at the counter",
      changed_by: input.created_by,
      changed_at: receivedAt,
    });
    if (technician) {
      await repair.createRepairJobEvents({
        repair_job_id: job.id,
        kind: "assigned",
        detail: { from: null, to: technician },
        actor: input.created_by,
        actor_id: created_by_id,
        at: receivedAt,
      });
    }
    return new StepResponse(job as unknown as RepairJobRecord, { id: job.id, series, sequence });
  },
  async (undo, { container }) => {
    if (!undo) return;
    const repair = repairService(container);
    const changes = await repair.listRepairJobStatusChanges({ repair_job_id: undo.id });
    await repair.deleteRepairJobStatusChanges(changes.map((c) => c.id));
    const events = await repair.listRepairJobEvents({ repair_job_id: undo.id });
    await repair.deleteRepairJobEvents(events.map((e) => e.id));
    await repair.deleteRepairJobs(undo.id);
    await repair.releaseSequence(undo.series, undo.sequence);
  },
);
