import { WARRANTY_VOID_REASON_LABELS } from "$lib/repair/labels";
import type { RepairWarranty } from "@voltura/contracts";
import type { WarrantyView } from "$lib/types";
import { formatDateTime } from "$lib/i18n/format";

/** A warranty as the intake panel and the job workspace show it (dates in shop time). */
export function warrantyView(w: RepairWarranty): WarrantyView {
  return {
    id: w.id,
    repairJobId: w.repair_job_id,
    jobNumber: w.job_number,
    title: w.title,
    device: w.device,
    imeiSerial: w.imei_serial,
    state: w.state,
    daysLeft: w.days_left,
    warrantyDays: w.warranty_days,
    startsAt: formatDateTime(w.starts_at),
    endsAt: formatDateTime(w.ends_at),
    voidReason: w.void_reason ? WARRANTY_VOID_REASON_LABELS[w.void_reason] : null,
    voidNote: w.void_note,
    claims: w.claims.map((c) => ({ id: c.id, jobId: c.claim_job_id, issue: c.issue, at: formatDateTime(c.created_at) })),
  };
}

/** Active warranties first (fewest days left first), then the rest newest first. */
export function sortWarranties(list: WarrantyView[]): WarrantyView[] {
  const rank = (w: WarrantyView) => (w.state === "active" ? 0 : 1);
  return list.toSorted((a, b) => rank(a) - rank(b) || (a.state === "active" ? a.daysLeft - b.daysLeft : 0));
}
