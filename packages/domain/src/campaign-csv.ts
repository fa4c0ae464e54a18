import { normalisePhone } from "./phone.js";

export interface CsvRecord {
  /** The file line the record starts on (1 = the header). */
  line: number;
  fields: string[];
}

/** Reads RFC 4180 CSV (quoted fields with "" escapes and line breaks, CRLF or LF, an optional BOM). */
export function readCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.replace(/^\uFEFF/, "");
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line += 1;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ",") endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

export interface RecipientCsvRow {
  /** E.164 */
  phone: string;
  name?: string;
  /** Every other column by its header (lower case, spaces as _), for `{custom}` variables. */
  values: Record<string, string>;
  line: number;
}

export type RecipientCsvRejectCode = "missing_phone_column" | "missing_phone" | "invalid_phone" | "duplicate";

export interface RecipientCsvReject {
  line: number;
  value: string;
  reason: string;
  code: RecipientCsvRejectCode;
}

const PHONE_HEADERS = ["phone", "phone_number", "telefon", "no_telefon", "nombor_telefon", "mobile", "whatsapp"];
const NAME_HEADERS = ["name", "nama"];

function headerKey(header: string): string {
  return header.trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
}

/**
 * A recipient list from CSV: a header row with a phone column (phone / telefon / mobile / whatsapp) and any
 * others. Phones are normalised to E.164 (Malaysian when no country code); each row that cannot be used is
 * rejected with its line and why: no phone, an invalid phone, or a number already on an earlier line.
 */
export function parseRecipientCsv(text: string): { rows: RecipientCsvRow[]; rejected: RecipientCsvReject[] } {
  const [header, ...records] = readCsv(text);
  const rows: RecipientCsvRow[] = [];
  const rejected: RecipientCsvReject[] = [];
  const keys = header ? header.fields.map(headerKey) : [];
  const phoneIndex = keys.findIndex((key) => PHONE_HEADERS.includes(key));
  if (!header || phoneIndex < 0) {
    rejected.push({
      line: header?.line ?? 1,
      value: header ? header.fields.join(",") : "",
      reason: "the header row has no phone column",
      code: "missing_phone_column",
    });
    return { rows, rejected };
  }
  const nameIndex = keys.findIndex((key) => NAME_HEADERS.includes(key));
  const firstLineOf = new Map<string, number>();
  for (const record of records) {
    const raw = (record.fields[phoneIndex] ?? "").trim();
    if (!raw) {
      rejected.push({ line: record.line, value: record.fields.join(","), reason: "no phone number", code: "missing_phone" });
      continue;
    }
    let phone: string;
    try {
      phone = normalisePhone(raw);
    } catch {
      rejected.push({ line: record.line, value: raw, reason: "not a valid phone number", code: "invalid_phone" });
      continue;
    }
    const earlier = firstLineOf.get(phone);
    if (earlier !== undefined) {
      rejected.push({ line: record.line, value: raw, reason: `same number as line ${earlier}`, code: "duplicate" });
      continue;
    }
    firstLineOf.set(phone, record.line);
    const values: Record<string, string> = {};
    keys.forEach((key, index) => {
      if (index !== phoneIndex && key) values[key] = (record.fields[index] ?? "").trim();
    });
    const name = nameIndex >= 0 ? (record.fields[nameIndex] ?? "").trim() : "";
    rows.push({ phone, ...(name ? { name } : {}), values, line: record.line });
  }
  return { rows, rejected };
}
