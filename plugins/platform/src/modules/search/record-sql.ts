import { escapeLike } from "@voltura/domain";
import { nameKey } from "./customer-sql";
import { customerTerms, TRIGRAM_MIN, type CustomerTerms } from "./terms";
import { anyOf, type SqlPart } from "./sql-part";

/**
 * Search over the shop's numbered records (repair and sales invoices, quotations, counter receipts)
 * and the WhatsApp chats, as SQL: each match condition is its own branch on an index of
 * search/indexes.ts (RECORD_SEARCH_INDEXES), the branches' rows are ranked exact → prefix → text,
 * newest first within a tier.
 */

/** A document number as letters and digits, upper case ("inv 2026-000123" → "INV2026000123"). */
export const numberKey = (column: string) => `upper(regexp_replace(${column}, '[^A-Za-z0-9]', '', 'g'))`;
/** A phone's digits only ("+60 12-345 6789" → "60123456789"). */
export const digitsKey = (column: string) => `regexp_replace(${column}, '[^0-9]', '', 'g')`;
/** A name lower case without accents (the IMMUTABLE unaccent of the repair migration). */
export const textKey = (column: string) => `public.repair_search_key(${column})`;

/** How one kind of record is read: every expression is one an index of RECORD_SEARCH_INDEXES holds. */
export interface RecordSource {
  /** The tables, aliased. */
  from: string;
  /**
   * The tables for a name match when the name is another table's: the matching rows of that table
   * first (`condition` inside an OFFSET 0 subquery, so they come from its trigram index), then joined.
   */
  nameFrom?: (condition: string) => string;
  /** The same for a phone match. */
  phoneFrom?: (condition: string) => string;
  /** Live rows (implies the indexes' `deleted_at IS NULL`). */
  live: string;
  /** The number's key (numberKey of the number column), or null when the record has no number. */
  number: string | null;
  /** The phone's digits. */
  phone: string;
  /** The customer's name, already a textKey / nameKey expression. */
  name: string;
  /** Newest first within a tier. */
  at: string;
  /** Selected as is: must name `id`, `number`, `customer_name`, `customer_phone`, and anything the hit shows. */
  columns: string;
}

export interface RecordTerms {
  /** Letters and digits upper case, when the entry has a digit (every number has one). */
  key: string | null;
  /** The entry as a phone number (see customerTerms). */
  phone: CustomerTerms["phone"];
  /** The entry (LIKE-escaped) for names, when it has a letter, no digit and 3+ characters. */
  text: string | null;
}

export function recordTerms(q: string): RecordTerms {
  const entry = q.trim().replace(/\s+/g, " ");
  const key = entry.toUpperCase().replace(/[^A-Z0-9]/g, "");
  return {
    key: /\d/.test(key) ? key : null,
    phone: customerTerms(entry).phone,
    text: entry.length >= TRIGRAM_MIN && /\p{L}/u.test(entry) && !/\d/.test(entry) ? escapeLike(entry) : null,
  };
}

/**
 * Digits found anywhere in a number or phone need this many: three digits ("012", the start of most
 * phones) are in a large share of the records, and their start is searched anyway.
 */
export const CONTAINS_MIN = 4;

interface Condition extends SqlPart {
  /** Ranks the candidates only; another condition reads the rows. */
  rankOnly?: boolean;
  /** A name match (read from `nameFrom`). */
  name?: boolean;
  /** A phone match (read from `phoneFrom`). */
  phone?: boolean;
}
interface Conditions {
  exact: Condition[];
  prefix: Condition[];
  text: Condition[];
}

/** The entry's conditions on `source`'s expressions, by tier. */
export function recordConditions(source: Pick<RecordSource, "number" | "phone" | "name">, terms: RecordTerms): Conditions {
  const out: Conditions = { exact: [], prefix: [], text: [] };
  const { key, phone, text } = terms;
  if (key && source.number) {
    out.exact.push({ sql: `${source.number} = ?`, bindings: [key] });
    // Digits alone: the whole number without its letters ("2026000123" for INV-2026-000123).
    if (/^\d{3,}$/.test(key)) out.exact.push({ sql: `(${source.number} LIKE ? AND ltrim(${source.number}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ?)`, bindings: [`%${key}`, key] });
    out.prefix.push({ sql: `${source.number} LIKE ?`, bindings: [`${key}%`] });
    // With letters the entry is the number's start ("INV-2026"); digits alone may be any part of it.
    if (/^\d+$/.test(key) && key.length >= CONTAINS_MIN) out.text.push({ sql: `${source.number} LIKE ?`, bindings: [`%${key}%`] });
  }
  if (phone) {
    for (const digits of phone.exact) out.exact.push({ sql: `${source.phone} = ?`, bindings: [digits], phone: true });
    if (phone.prefix) out.prefix.push({ sql: `${source.phone} LIKE ?`, bindings: [`${phone.prefix}%`] });
    if (phone.contains && phone.contains.length >= CONTAINS_MIN) out.text.push({ sql: `${source.phone} LIKE ?`, bindings: [`%${phone.contains}%`], phone: true });
  }
  if (text) {
    // Read only as "anywhere" (a trigram index answers a name's start no better); the tier tells them apart.
    out.prefix.push({ sql: `${source.name} LIKE public.repair_search_key(?) || '%'`, bindings: [text], rankOnly: true });
    out.text.push({ sql: `${source.name} LIKE '%' || public.repair_search_key(?) || '%'`, bindings: [text], name: true });
  }
  return out;
}

/**
 * Each match condition other than an exact one reads at most this many rows (in table order) before
 * they are ranked: a palette shows a handful per kind, and a broad name must not read every record.
 */
export const RECORD_RANK_WINDOW = 200;

/**
 * The best `limit` rows of `source` for the entry, with `tier` (0 exact, 1 prefix, 2 text) and `at`;
 * null when nothing typed can match. Exact rows are read whole; the others up to RECORD_RANK_WINDOW.
 */
export function recordSearchStatement(source: RecordSource, q: string, limit: number): SqlPart | null {
  const terms = recordTerms(q);
  const conditions = recordConditions(source, terms);
  const branches: SqlPart[] = [];
  const select = (from: string) => `SELECT ${source.columns}, ${source.at} AS at, ${source.number ?? "NULL::text"} AS number_key,
    ${source.phone} AS phone_key, ${source.name} AS name_key FROM ${from} WHERE ${source.live}`;
  const branch = (part: Condition) => {
    const from = part.name ? source.nameFrom : part.phone ? source.phoneFrom : undefined;
    return from ? select(from(part.sql)) : `${select(source.from)} AND ${part.sql}`;
  };
  for (const part of conditions.exact) branches.push({ sql: `(${branch(part)})`, bindings: part.bindings });
  for (const part of [...conditions.prefix, ...conditions.text]) {
    if (!part.rankOnly) branches.push({ sql: `(${branch(part)} LIMIT ${RECORD_RANK_WINDOW})`, bindings: part.bindings });
  }
  if (!branches.length) return null;
  // The tier over the candidates' keys: the same conditions, on the selected columns.
  const onCandidates = recordConditions({ number: source.number ? "cand.number_key" : null, phone: "cand.phone_key", name: "cand.name_key" }, terms);
  const exact = anyOf(onCandidates.exact);
  const prefix = anyOf(onCandidates.prefix);
  return {
    sql: `SELECT cand.*, CASE WHEN ${exact.sql} THEN 0 WHEN ${prefix.sql} THEN 1 ELSE 2 END AS tier
      FROM (${branches.map((b) => b.sql).join(" UNION ")}) cand
      ORDER BY tier, cand.at DESC NULLS LAST, cand.id LIMIT ?`,
    bindings: [...exact.bindings, ...prefix.bindings, ...branches.flatMap((b) => b.bindings), limit],
  };
}

/** The sources, each read on its own indexes. `page_id` is the id of the page that shows the record. */
/** A document of the invoicing plugin (a sales invoice or a quotation): its buyer is JSON on the row, its page is its own id. */
function buyerDocumentSource(table: string, alias: string, numberColumn: string): RecordSource {
  return {
    from: `${table} ${alias}`,
    live: `${alias}.deleted_at IS NULL`,
    number: numberKey(`${alias}.${numberColumn}`),
    phone: digitsKey(`(${alias}.buyer ->> 'phone')`),
    name: textKey(`(${alias}.buyer ->> 'name')`),
    at: `${alias}.issued_at`,
    columns: `${alias}.id, ${alias}.${numberColumn} AS number, ${alias}.buyer ->> 'name' AS customer_name, ${alias}.buyer ->> 'phone' AS customer_phone, ${alias}.id AS page_id, NULL::text AS detail, ${alias}.status::text AS status`,
  };
}

export const RECORD_SOURCES = {
  /** Repair invoices: their number; the customer through the job's own search columns. */
  repairInvoice: {
    from: `repair_invoice ri JOIN repair_job j ON j.id = ri.repair_job_id`,
    live: `ri.deleted_at IS NULL AND j.deleted_at IS NULL`,
    number: numberKey("ri.invoice_number"),
    phone: "j.phone_digits",
    name: "j.customer_name_key",
    nameFrom: (condition) => `(SELECT * FROM repair_job j WHERE j.deleted_at IS NULL AND ${condition} OFFSET 0) j JOIN repair_invoice ri ON ri.repair_job_id = j.id`,
    phoneFrom: (condition) => `(SELECT * FROM repair_job j WHERE j.deleted_at IS NULL AND ${condition} OFFSET 0) j JOIN repair_invoice ri ON ri.repair_job_id = j.id`,
    at: "ri.issued_at",
    columns: `ri.id, ri.invoice_number AS number, j.customer_name, j.customer_phone, j.id AS page_id, j.job_number AS detail, NULL::text AS status`,
  },
  salesInvoice: buyerDocumentSource("sales_invoice", "si", "invoice_number"),
  quotation: buyerDocumentSource("quotation", "qu", "quotation_number"),
  /** Counter sales that were sold (a pending checkout has no receipt yet). */
  receipt: {
    from: `pos_sale s`,
    live: `s.deleted_at IS NULL AND s.status IN ('committed', 'completed')`,
    number: numberKey("s.receipt_number"),
    phone: digitsKey("s.customer_phone"),
    name: textKey("s.customer_name"),
    at: "s.sold_at",
    columns: `s.id, s.receipt_number AS number, s.customer_name, s.customer_phone, s.id AS page_id, NULL::text AS detail, NULL::text AS status, s.rounded_total_sen AS total_sen`,
  },
  /** WhatsApp chats by their phone, or by the name of the customer they belong to (the customer's name index). */
  chat: {
    // The customer looked up per chat found (OFFSET 0 keeps it an index probe: a hash join would read every customer).
    from: `concierge_conversation cv LEFT JOIN LATERAL (SELECT * FROM customer WHERE id = cv.customer_id AND deleted_at IS NULL OFFSET 0) c ON true`,
    nameFrom: (condition) => `(SELECT * FROM customer c WHERE c.deleted_at IS NULL AND ${condition} OFFSET 0) c JOIN concierge_conversation cv ON cv.customer_id = c.id`,
    live: `cv.deleted_at IS NULL`,
    number: null,
    phone: digitsKey("cv.phone"),
    name: nameKey("c."),
    at: "coalesce(cv.last_message_at, cv.created_at)",
    columns: `cv.phone AS id, NULL::text AS number, nullif(trim(concat_ws(' ', c.first_name, c.last_name)), '') AS customer_name, c.company_name, cv.phone AS customer_phone, cv.phone AS page_id, cv.mode::text AS detail, NULL::text AS status`,
  },
} satisfies Record<string, RecordSource>;
