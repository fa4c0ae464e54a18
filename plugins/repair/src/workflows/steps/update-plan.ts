import { slaDueAt, type Priority, type RepairJobEventKind, type ShopSettings } from "@voltura/domain";
import type { RepairJobRecord } from "../../modules/repair/types";
import type { Technician } from "./job-context";

/** What a job update asks for, after validation (technician already resolved). */
export interface RepairJobChanges {
  priority?: Priority;
  eta?: Date | null;
  diagnosis?: string | null;
  /** undefined: leave as is; null: unassign. */
  technician?: Technician | null;
  accessories?: string[];
  condition_notes?: string | null;
  note?: string;
}

export type RepairJobPatch = Partial<
  Pick<RepairJobRecord, "priority" | "sla_due_at" | "eta" | "diagnosis" | "technician_id" | "technician_name" | "accessories" | "condition_notes">
>;

export interface PlannedEvent {
  kind: RepairJobEventKind;
  detail: Record<string, unknown>;
}

export interface RepairJobUpdatePlan {
  patch: RepairJobPatch;
  events: PlannedEvent[];
}

type JobState = Pick<
  RepairJobRecord,
  "priority" | "received_at" | "eta" | "diagnosis" | "technician_id" | "technician_name" | "accessories" | "condition_notes"
>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Turns requested changes into the fields to write and the timeline lines to record. Only what
 * actually changes is written; a new priority recomputes the SLA due time from received_at.
 */
export function planRepairJobUpdate(job: JobState, changes: RepairJobChanges, settings: Pick<ShopSettings, "sla_hours">): RepairJobUpdatePlan {
  const patch: RepairJobPatch = {};
  const events: PlannedEvent[] = [];

  if (changes.priority !== undefined && changes.priority !== job.priority) {
    const due = slaDueAt(new Date(job.received_at), changes.priority, settings);
    patch.priority = changes.priority;
    patch.sla_due_at = due;
    events.push({ kind: "priority", detail: { from: job.priority, to: changes.priority, sla_due_at: due.toISOString() } });
  }
  if (changes.eta !== undefined && iso(changes.eta) !== iso(job.eta)) {
    patch.eta = changes.eta;
    events.push({ kind: "eta", detail: { from: iso(job.eta), to: iso(changes.eta) } });
  }
  if (changes.diagnosis !== undefined && changes.diagnosis !== job.diagnosis) {
    patch.diagnosis = changes.diagnosis;
    events.push({ kind: "diagnosis", detail: { from: job.diagnosis, to: changes.diagnosis } });
  }
  if (changes.technician !== undefined && (changes.technician?.id ?? null) !== job.technician_id) {
    patch.technician_id = changes.technician?.id ?? null;
    patch.technician_name = changes.technician?.name ?? null;
    const from = job.technician_id ? { id: job.technician_id, name: job.technician_name } : null;
    events.push({ kind: "assigned", detail: { from, to: changes.technician ?? null } });
  }
  if (changes.accessories !== undefined && !sameList(changes.accessories, job.accessories ?? [])) {
    patch.accessories = changes.accessories;
    events.push({ kind: "note", detail: { field: "accessories", from: job.accessories ?? [], to: changes.accessories } });
  }
  if (changes.condition_notes !== undefined && changes.condition_notes !== job.condition_notes) {
    patch.condition_notes = changes.condition_notes;
    events.push({ kind: "note", detail: { field: "condition_notes", from: job.condition_notes, to: changes.condition_notes } });
  }
  if (changes.note) events.push({ kind: "note", detail: { text: changes.note } });
  return { patch, events };
}
