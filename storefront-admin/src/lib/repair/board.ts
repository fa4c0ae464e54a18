import type { RepairStatus } from "@voltura/domain";

/** The job board's columns, left to right. Delivered shows only recent jobs. */
export const BOARD_COLUMNS: readonly { status: RepairStatus; title: string }[] = [
  { status: "pending", title: "Pending" },
  { status: "awaiting_approval", title: "Awaiting Approval" },
  { status: "awaiting_parts", title: "Awaiting Parts" },
  { status: "in_progress", title: "In Progress" },
  { status: "completed", title: "Completed" },
  { status: "delivered", title: "Delivered (recent)" },
];

/** Groups jobs into the board's columns, keeping each column's order; other statuses are left out. */
export function groupByColumn<T extends { status: RepairStatus }>(jobs: readonly T[]): Map<RepairStatus, T[]> {
  const columns = new Map<RepairStatus, T[]>(BOARD_COLUMNS.map((c) => [c.status, []]));
  for (const job of jobs) columns.get(job.status)?.push(job);
  return columns;
}

/** "Aisyah Rahman" → "Aisyah"; empty names stay empty. */
export function firstName(name: string | null | undefined): string {
  return (name ?? "").trim().split(/\s+/)[0] ?? "";
}
