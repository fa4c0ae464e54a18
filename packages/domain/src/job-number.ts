/** Job numbers are sequential per year: VSH-2026-000123. */
export function formatJobNumber(year: number, sequence: number, prefix = "VSH"): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `${prefix}-${year}-${String(sequence).padStart(6, "0")}`;
}

export function parseJobNumber(value: string): { prefix: string; year: number; sequence: number } | null {
  const m = /^([A-Z]{2,5})-(\d{4})-(\d{6,})$/.exec(value.trim().toUpperCase());
  if (!m) return null;
  return { prefix: m[1]!, year: Number(m[2]), sequence: Number(m[3]) };
}
