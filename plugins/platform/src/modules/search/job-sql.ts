import { phonePrefixFromPartial } from "@voltura/domain";
import { exactCondition, jobListStatements, rows, searchTerms, type Sql } from "@voltura/medusa-kit";
import type { SearchHit } from "@voltura/contracts";
import { matchOf } from "./ranking";
import { anyOf, type SqlPart } from "./sql-part";

/**
 * Job hits through the job list's own indexed SQL (medusa-kit repair-job-list-sql.ts): the same
 * terms, conditions and ranking as GET /admin/repair-jobs?q=, so the two never disagree.
 */

/** Starts of the job number / IMEI (letters and digits typed), of the phone, of the name, of the device ("iphone 13"). */
function prefixCondition(q: string): SqlPart {
  const terms = searchTerms(q);
  const parts: SqlPart[] = [];
  if (terms.key) parts.push({ sql: "job_number_key LIKE ? OR imei_serial LIKE ?", bindings: [`${terms.key}%`, `${terms.key}%`] });
  const phonePrefix = phonePrefixFromPartial(q);
  if (phonePrefix) parts.push({ sql: "phone_digits LIKE ?", bindings: [`${phonePrefix.replace(/\D/g, "")}%`] });
  if (terms.text) {
    parts.push({ sql: "customer_name_key LIKE repair_search_key(?) || '%'", bindings: [terms.text] });
    parts.push({ sql: "device_key LIKE repair_search_key(?) || '%'", bindings: [terms.text] });
  }
  return anyOf(parts);
}

export async function searchJobs(db: Sql, q: string, limit: number, now = new Date()): Promise<SearchHit[]> {
  const page = jobListStatements({ q }, now, { limit, offset: 0 }).page;
  const ids = (await rows(db, page.sql, page.bindings)).map((r) => String(r.id));
  if (!ids.length) return [];
  const exact = exactCondition(searchTerms(q));
  const prefix = prefixCondition(q);
  const found = await rows(
    db,
    `SELECT id, job_number, customer_name, brand, model, status, ${exact.sql} AS exact, ${prefix.sql} AS prefix
       FROM repair_job WHERE id = ANY(?)`,
    [...exact.bindings, ...prefix.bindings, ids],
  );
  const byId = new Map(found.map((r) => [String(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      kind: "job" as const,
      id,
      title: String(r.job_number),
      subtitle: `${r.customer_name} · ${r.brand} ${r.model} · ${String(r.status).replace(/_/g, " ")}`,
      match: matchOf(r as { exact: unknown; prefix: unknown }),
    }];
  });
}
