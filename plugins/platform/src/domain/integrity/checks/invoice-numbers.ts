import { num, text, type Breach, type IntegrityCheck, type Row } from "../types";

const NUMBER = /^(INV-\d{4})-(\d{6,})$/;
const format = (series: string, n: number) => `${series}-${String(n).padStart(6, "0")}`;

const SOURCE_WORDS: Record<string, string> = { repair_invoice: "repair invoice", sales_invoice: "counter invoice" };

/**
 * The shop's one invoice series (`INV-YYYY-NNNNNN`, number series `number_series` row `INV-YYYY`, shared by
 * repair invoices `repair_invoice` and counter invoices `sales_invoice`): each number is used once,
 * and every number from 1 up to the counter is used. Rows: `source` = repair_invoice |
 * sales_invoice with `invoice_number`, or `counter` with `series` and `last_value`.
 * `voided` lists numbers recorded as void; the shop keeps no void record yet, so it is empty and
 * every gap is a breach.
 */
export function invoiceNumberBreaches(rows: readonly Row[], voided: ReadonlySet<string> = new Set()): Breach[] {
  const out: Breach[] = [];
  const used = new Map<string, Array<{ source: string; id: string }>>();
  const highest = new Map<string, number>();
  const counters = new Map<string, number>();
  for (const r of rows) {
    const source = text(r.source) ?? "?";
    if (source === "counter") {
      const series = text(r.series) ?? "";
      if (NUMBER.test(`${series}-000000`)) counters.set(series, num(r.last_value));
      continue;
    }
    const number = text(r.invoice_number) ?? "";
    const id = text(r.id) ?? "?";
    const match = NUMBER.exec(number);
    if (!match) {
      out.push({ kind: "invoice_number_malformed", ref: number || id, message: `The ${SOURCE_WORDS[source] ?? source} ${id} has the number "${number}", which is not INV-YYYY-NNNNNN.`, details: { source, id, invoice_number: number } });
      continue;
    }
    const series = match[1]!;
    highest.set(series, Math.max(highest.get(series) ?? 0, Number(match[2])));
    const holders = used.get(number) ?? [];
    holders.push({ source, id });
    used.set(number, holders);
  }
  for (const [number, holders] of used) {
    if (holders.length < 2) continue;
    out.push({
      kind: "invoice_number_duplicate", ref: number,
      message: `Invoice number ${number} is used ${holders.length} times (${holders.map((h) => `${SOURCE_WORDS[h.source] ?? h.source} ${h.id}`).join(", ")}).`,
      details: { invoice_number: number, used_by: holders },
    });
  }
  for (const series of [...new Set([...highest.keys(), ...counters.keys()])].sort()) {
    const counter = counters.get(series) ?? 0;
    const top = highest.get(series) ?? 0;
    if (top > counter) {
      out.push({
        kind: "invoice_counter_behind", ref: series,
        message: `The ${series} counter is at ${format(series, counter)} but ${format(series, top)} is already used: the next invoice would repeat a number.`,
        details: { series, counter: counter, highest_used: top },
      });
    }
    out.push(...gapBreaches(series, Math.max(counter, top), used, voided));
  }
  return out;
}

/** Missing numbers of one series, as runs ("INV-2026-000004 to INV-2026-000006"), so a big gap is one breach. */
function gapBreaches(series: string, last: number, used: ReadonlyMap<string, unknown>, voided: ReadonlySet<string>): Breach[] {
  const out: Breach[] = [];
  let runStart: number | null = null;
  const close = (end: number) => {
    if (runStart === null) return;
    const from = format(series, runStart);
    const to = format(series, end);
    const size = end - runStart + 1;
    out.push({
      kind: "invoice_number_gap", ref: from,
      message: size === 1 ? `Invoice number ${from} was never used and is not recorded as void.` : `Invoice numbers ${from} to ${to} (${size} numbers) were never used and are not recorded as void.`,
      details: { series, from, to, missing: size },
    });
    runStart = null;
  };
  for (let n = 1; n <= last; n++) {
    const number = format(series, n);
    if (used.has(number) || voided.has(number)) close(n - 1);
    else runStart ??= n;
  }
  close(last);
  return out;
}

export const invoiceNumbersCheck: IntegrityCheck = {
  name: "invoice_numbers_unique_and_continuous",
  title: "Invoice numbers are used once, without gaps",
  description: "Repair and counter invoices share one INV number series: every number is used exactly once and none is skipped up to the counter. The shop has no record of voided invoice numbers yet, so every skipped number is listed.",
  tables: ["repair_invoice", "sales_invoice", "number_series"],
  sql: `
    SELECT 'repair_invoice' AS source, id, invoice_number, NULL AS series, NULL::integer AS last_value FROM repair_invoice WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'sales_invoice', id, invoice_number, NULL, NULL FROM sales_invoice WHERE deleted_at IS NULL
    UNION ALL
    SELECT 'counter', id, NULL, id, last_value FROM number_series WHERE deleted_at IS NULL AND id LIKE 'INV-%'`,
  evaluate: (rows) => invoiceNumberBreaches(rows),
};
