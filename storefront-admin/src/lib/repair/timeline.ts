import { REPAIR_STATUS_LABELS, formatShopTime, type RepairStatus } from "@voltura/domain";
import { PRIORITY_LABELS } from "./labels";

/** One line of the job's timeline: a status change or a desk event, newest first. */
export interface TimelineEntry {
  id: string;
  kind: "status" | "assigned" | "priority" | "eta" | "diagnosis" | "note";
  title: string;
  detail: string | null;
  by: string;
  at: string;
  iso: string;
}

type Detail = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);
const who = (v: unknown): string | null => {
  if (v && typeof v === "object") return str((v as { name?: unknown }).name) ?? str((v as { id?: unknown }).id);
  return str(v);
};
const when = (v: unknown): string | null => {
  const s = str(v);
  return s && !Number.isNaN(Date.parse(s)) ? formatShopTime(s) : null;
};
const priority = (v: unknown): string => (typeof v === "string" && v in PRIORITY_LABELS ? PRIORITY_LABELS[v as keyof typeof PRIORITY_LABELS] : String(v ?? "—"));

/** A desk event as a sentence (title) and, when there is one, the text that came with it. */
export function describeEvent(kind: string, detail: Detail): { title: string; detail: string | null } {
  switch (kind) {
    case "assigned": {
      const to = who(detail.to);
      return { title: to ? `Assigned to ${to}` : `Unassigned${who(detail.from) ? ` from ${who(detail.from)}` : ""}`, detail: null };
    }
    case "priority":
      return { title: `Priority ${priority(detail.from)} → ${priority(detail.to)}`, detail: when(detail.sla_due_at) ? `New SLA due ${when(detail.sla_due_at)}` : null };
    case "eta": {
      const to = when(detail.to);
      return { title: to ? `Ready-by set to ${to}` : "Ready-by cleared", detail: null };
    }
    case "diagnosis":
      return { title: str(detail.from) ? "Diagnosis updated" : "Diagnosis recorded", detail: str(detail.to) };
    case "note": {
      if (detail.field === "accessories") {
        const list = Array.isArray(detail.to) ? detail.to.filter((x) => typeof x === "string").join(", ") : "";
        return { title: "Accessories updated", detail: list || "None" };
      }
      if (detail.field === "condition_notes") return { title: "Condition on arrival updated", detail: str(detail.to) };
      return { title: "Note", detail: str(detail.text) };
    }
    default:
      return { title: kind, detail: null };
  }
}

export function statusEntry(h: { id: string; from_status: RepairStatus | null; to_status: RepairStatus; note: string | null; changed_at: string }, by: string): TimelineEntry {
  return {
    id: h.id,
    kind: "status",
    title: h.from_status ? `${REPAIR_STATUS_LABELS[h.from_status]} → ${REPAIR_STATUS_LABELS[h.to_status]}` : `Booked in as ${REPAIR_STATUS_LABELS[h.to_status]}`,
    detail: h.note,
    by,
    at: formatShopTime(h.changed_at),
    iso: h.changed_at,
  };
}

export function eventEntry(e: { id: string; kind: string; detail: Detail; actor: string; at: string }): TimelineEntry {
  const d = describeEvent(e.kind, e.detail);
  return { id: e.id, kind: e.kind as TimelineEntry["kind"], title: d.title, detail: d.detail, by: e.actor, at: formatShopTime(e.at), iso: e.at };
}

/** Newest first; a status change and an event at the same instant keep the status first. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.toSorted((a, b) => Date.parse(b.iso) - Date.parse(a.iso) || (a.kind === "status" ? -1 : b.kind === "status" ? 1 : 0));
}
