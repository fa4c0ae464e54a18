import type { RepairStatus } from "@voltura/domain";

/** The public tracking page's steps, in Malay and English. */
export const TRACKING_STEPS = [
  { key: "received", ms: "Diterima", en: "Received" },
  { key: "checking", ms: "Diperiksa", en: "Checking" },
  { key: "repairing", ms: "Dibaiki", en: "Repairing" },
  { key: "ready", ms: "Sedia diambil", en: "Ready for pickup" },
  { key: "collected", ms: "Telah diambil", en: "Collected" },
] as const;

const STEP_OF: Record<RepairStatus, number> = {
  pending: 0,
  awaiting_approval: 1,
  awaiting_parts: 2,
  in_progress: 2,
  completed: 3,
  delivered: 4,
  cancelled: -1,
  returned_unrepaired: -1,
};

/** Index of the current step (0–4), or -1 for a job that closed without a repair. */
export function trackingStep(status: RepairStatus): number {
  return STEP_OF[status];
}

/** Each status as the customer reads it: a short line in Malay and in English. */
export const TRACKING_STATUS_TEXT: Record<RepairStatus, { ms: string; en: string }> = {
  pending: { ms: "Peranti anda telah diterima dan sedang menunggu juruteknik.", en: "We have your device; it is waiting for a technician." },
  awaiting_approval: { ms: "Sebut harga sedang menunggu kelulusan anda.", en: "A quote is waiting for your approval." },
  awaiting_parts: { ms: "Kami sedang menunggu alat ganti.", en: "We are waiting for parts to arrive." },
  in_progress: { ms: "Peranti anda sedang dibaiki.", en: "Your device is being repaired." },
  completed: { ms: "Pembaikan selesai. Sila datang untuk mengambil peranti anda.", en: "The repair is done. Your device is ready for pickup." },
  delivered: { ms: "Peranti anda telah diambil. Terima kasih!", en: "Your device has been collected. Thank you!" },
  cancelled: { ms: "Kerja pembaikan ini telah dibatalkan.", en: "This repair job was cancelled." },
  returned_unrepaired: { ms: "Peranti dipulangkan tanpa dibaiki.", en: "The device was returned without a repair." },
};

export const TRACKING_STATUS_LABEL: Record<RepairStatus, { ms: string; en: string }> = {
  pending: { ms: "Diterima", en: "Received" },
  awaiting_approval: { ms: "Menunggu kelulusan", en: "Awaiting approval" },
  awaiting_parts: { ms: "Menunggu alat ganti", en: "Awaiting parts" },
  in_progress: { ms: "Sedang dibaiki", en: "In repair" },
  completed: { ms: "Sedia diambil", en: "Ready for pickup" },
  delivered: { ms: "Telah diambil", en: "Delivered" },
  cancelled: { ms: "Dibatalkan", en: "Cancelled" },
  returned_unrepaired: { ms: "Dipulangkan", en: "Returned" },
};
