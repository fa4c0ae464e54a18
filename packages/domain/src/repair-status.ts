import { z } from "zod";

export const REPAIR_STATUSES = [
  "pending",
  "awaiting_approval",
  "awaiting_parts",
  "in_progress",
  "completed",
  "delivered",
  "cancelled",
  "returned_unrepaired",
] as const;
export const repairStatusSchema = z.enum(REPAIR_STATUSES);
export type RepairStatus = z.infer<typeof repairStatusSchema>;

export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  pending: "Pending",
  awaiting_approval: "Awaiting Approval",
  awaiting_parts: "Awaiting Parts",
  in_progress: "In Progress",
  completed: "Completed",
  delivered: "Delivered",
  cancelled: "Cancelled",
  returned_unrepaired: "Returned Unrepaired",
};

const TRANSITIONS: Record<RepairStatus, readonly RepairStatus[]> = {
  pending: ["in_progress", "awaiting_approval", "awaiting_parts", "cancelled"],
  awaiting_approval: ["in_progress", "returned_unrepaired", "cancelled"],
  awaiting_parts: ["in_progress", "awaiting_approval", "cancelled"],
  in_progress: ["completed", "awaiting_parts", "awaiting_approval", "returned_unrepaired"],
  completed: ["delivered", "in_progress"],
  delivered: [],
  cancelled: [],
  returned_unrepaired: [],
};

export function allowedNextStatuses(from: RepairStatus): readonly RepairStatus[] {
  return TRANSITIONS[from];
}

export function isTerminalStatus(status: RepairStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** While a job is open its lines (parts, labour, fees) can change; from Completed on they are fixed. */
export const LINE_EDITABLE_STATUSES: readonly RepairStatus[] = ["pending", "awaiting_approval", "awaiting_parts", "in_progress"];

export function linesEditable(status: RepairStatus): boolean {
  return LINE_EDITABLE_STATUSES.includes(status);
}

export type TransitionCheck = { ok: true } | { ok: false; reason: string; allowed: readonly RepairStatus[] };

export function checkTransition(from: RepairStatus, to: RepairStatus): TransitionCheck {
  const allowed = TRANSITIONS[from];
  if (allowed.includes(to)) return { ok: true };
  const list = allowed.length ? allowed.map((s) => REPAIR_STATUS_LABELS[s]).join(", ") : "none (final status)";
  return {
    ok: false,
    allowed,
    reason: `Cannot move a job from ${REPAIR_STATUS_LABELS[from]} to ${REPAIR_STATUS_LABELS[to]}. Allowed: ${list}.`,
  };
}

export const DEVICE_TYPES = ["phone", "tablet", "laptop", "console", "other"] as const;
export const deviceTypeSchema = z.enum(DEVICE_TYPES);
export type DeviceType = z.infer<typeof deviceTypeSchema>;

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;
