/** Malaysia keeps UTC+8 all year (no daylight saving), so shop-time boundaries are fixed offsets. */
const MYT_OFFSET_MS = 8 * 3_600_000;

/** A calendar month in the shop's time zone as UTC instants: [start, end). "2026-11" → 2026-10-31T16:00Z … 2026-11-30T16:00Z. */
export function shopMonthRange(month: string): { from: Date; to: Date } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const monthIndex = m ? Number(m[2]) - 1 : -1;
  if (!m || monthIndex < 0 || monthIndex > 11) throw new RangeError(`month must look like 2026-11, got ${month}`);
  const year = Number(m[1]);
  return {
    from: new Date(Date.UTC(year, monthIndex, 1) - MYT_OFFSET_MS),
    to: new Date(Date.UTC(year, monthIndex + 1, 1) - MYT_OFFSET_MS),
  };
}
