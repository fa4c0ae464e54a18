/**
 * <input type="datetime-local"> speaks wall-clock time without a zone; the shop's wall clock is
 * Asia/Kuala_Lumpur, which is UTC+8 all year (Malaysia has no daylight saving time).
 */
const SHOP_OFFSET = "+08:00";
const SHOP_OFFSET_MS = 8 * 60 * 60 * 1000;

/** "2026-11-26T17:30" (shop time) → "2026-11-26T17:30:00+08:00"; null when blank or malformed. */
export function shopLocalToIso(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (!m) return null;
  const iso = `${v}:00${SHOP_OFFSET}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** An instant → the datetime-local value in shop time: "2026-11-26T09:30:00Z" → "2026-11-26T17:30". */
export function isoToShopLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return "";
  return new Date(t + SHOP_OFFSET_MS).toISOString().slice(0, 16);
}
