import type { RepairStatus } from "@voltura/domain";
import { formatDateTime } from "$lib/i18n/format";
import { m } from "$lib/paraglide/messages.js";
import { PRIORITY_LABELS, REPAIR_STATUS_LABELS } from "./labels";

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
  return s && !Number.isNaN(Date.parse(s)) ? formatDateTime(s) : null;
};
const priority = (v: unknown): string => (typeof v === "string" && v in PRIORITY_LABELS ? PRIORITY_LABELS[v as keyof typeof PRIORITY_LABELS] : String(v ?? "—"));

/** A desk event as a sentence (title) and, when there is one, the text that came with it. */
export function describeEvent(kind: string, detail: Detail): { title: string; detail: string | null } {
  switch (kind) {
    case "assigned": {
      const to = who(detail.to);
      const from = who(detail.from);
      return { title: to ? m.job_tl_assigned_to({ name: to }) : from ? m.job_tl_unassigned_from({ name: from }) : m.job_tl_unassigned(), detail: null };
    }
    case "priority": {
      const due = when(detail.sla_due_at);
      return { title: m.job_tl_priority({ from: priority(detail.from), to: priority(detail.to) }), detail: due ? m.job_tl_new_sla({ when: due }) : null };
    }
    case "eta": {
      const to = when(detail.to);
      return { title: to ? m.job_tl_eta_set({ when: to }) : m.job_tl_eta_cleared(), detail: null };
    }
    case "diagnosis":
      return { title: str(detail.from) ? m.job_tl_diagnosis_updated() : m.job_tl_diagnosis_recorded(), detail: str(detail.to) };
    case "note": {
      if (detail.field === "accessories") {
        const list = Array.isArray(detail.to) ? detail.to.filter((x) => typeof x === "string").join(", ") : "";
        return { title: m.job_tl_accessories_updated(), detail: list || m.job_none() };
      }
      if (detail.field === "condition_notes") return { title: m.job_tl_condition_updated(), detail: str(detail.to) };
      return { title: m.job_tl_note(), detail: str(detail.text) };
    }
    default:
      return { title: kind, detail: null };
  }
}

export function statusEntry(h: { id: string; from_status: RepairStatus | null; to_status: RepairStatus; note: string | null; changed_at: string }, by: string): TimelineEntry {
  return {
    id: h.id,
    kind: "status",
    title: h.from_status ? `${REPAIR_STATUS_LABELS[h.from_status]} → ${REPAIR_STATUS_LABELS[h.to_status]}` : m.job_tl_booked_in_as({ status: REPAIR_STATUS_LABELS[h.to_status] }),
    detail: h.note,
    by,
    at: formatDateTime(h.changed_at),
    iso: h.changed_at,
  };
}

export function eventEntry(e: { id: string; kind: string; detail: Detail; actor: string; at: string }): TimelineEntry {
  const d = describeEvent(e.kind, e.detail);
  return { id: e.id, kind: e.kind as TimelineEntry["kind"], title: d.title, detail: d.detail, by: e.actor, at: formatDateTime(e.at), iso: e.at };
}

/** Newest first; a status change and an event at the same instant keep the status first. */
export function sortTimeline(entries: TimelineEntry[]): TimelineEntry[] {
  return entries.toSorted((a, b) => Date.parse(b.iso) - Date.parse(a.iso) || (a.kind === "status" ? -1 : b.kind === "status" ? 1 : 0));
}
