import { rows, type Sql } from "@voltura/medusa-kit";
import { ARCHIVE_SEARCH_KEYS } from "../../../domain/archive-plan";
import { containsPattern, type ArchiveSearchTerms } from "../../../domain/archive-rules";
import { tableExists } from "./tables";

export interface ArchiveHit {
  entity: "repair_job" | "pos_sale" | "conversation";
  id: string;
  title: string;
  subtitle: string;
  archived_at: string;
}

export interface SearchStatement { table: string; sql: string; bindings: unknown[] }

/** `<search key> LIKE pattern` for the text and, when given, the phone digits: both read the one trigram index. */
function matchOf(table: string, terms: ArchiveSearchTerms): { where: string; bindings: string[] } {
  const key = `(${ARCHIVE_SEARCH_KEYS[table]})`;
  const patterns = [containsPattern(terms.text), ...(terms.digits && terms.digits !== terms.text ? [containsPattern(terms.digits)] : [])];
  return { where: patterns.map(() => `${key} LIKE ?`).join(" OR "), bindings: patterns };
}

/** The statements of an archive search, one per archived kind (exported for the plan checks). */
export function archiveSearchStatements(terms: ArchiveSearchTerms, limit: number): SearchStatement[] {
  const job = matchOf("repair_job", terms);
  const sale = matchOf("pos_sale", terms);
  const message = matchOf("whatsapp_message", terms);
  const conversation = matchOf("concierge_conversation", terms);
  return [
    { table: "repair_job", bindings: [...job.bindings, limit], sql:
      `SELECT 'repair_job' AS entity, id, job_number AS title, concat_ws(' · ', customer_name, customer_phone, nullif(concat_ws(' ', brand, model), ''), imei_serial, status) AS subtitle, archived_at
         FROM archive.repair_job WHERE ${job.where} ORDER BY archived_at DESC, id LIMIT ?` },
    { table: "pos_sale", bindings: [...sale.bindings, limit], sql:
      `SELECT 'pos_sale' AS entity, id, coalesce(receipt_number, id) AS title, concat_ws(' · ', customer_name, customer_phone, 'RM ' || to_char(total_sen / 100.0, 'FM999999990.00'), sold_at::date::text) AS subtitle, archived_at
         FROM archive.pos_sale WHERE ${sale.where} ORDER BY archived_at DESC, id LIMIT ?` },
    { table: "whatsapp_message", bindings: [...message.bindings, limit], sql:
      `SELECT 'conversation' AS entity, phone AS id, phone AS title, concat_ws(' · ', max(sender_name), count(*) || ' archived messages', max(created_at)::date::text) AS subtitle, max(archived_at) AS archived_at
         FROM archive.whatsapp_message WHERE ${message.where} GROUP BY phone ORDER BY max(archived_at) DESC, phone LIMIT ?` },
    { table: "concierge_conversation", bindings: [...conversation.bindings, limit], sql:
      `SELECT 'conversation' AS entity, phone AS id, phone AS title, concat_ws(' · ', 'Concierge conversation', last_message_at::date::text) AS subtitle, archived_at
         FROM archive.concierge_conversation WHERE ${conversation.where} ORDER BY archived_at DESC, id LIMIT ?` },
  ];
}

/** Archived jobs, sales and conversations matching the terms, newest archived first; a conversation once. */
export async function searchArchive(db: Sql, terms: ArchiveSearchTerms, limit: number): Promise<ArchiveHit[]> {
  const hits: ArchiveHit[] = [];
  const seen = new Set<string>();
  for (const statement of archiveSearchStatements(terms, limit)) {
    if (!(await tableExists(db, `archive.${statement.table}`))) continue;
    for (const row of await rows(db, statement.sql, statement.bindings)) {
      const hit: ArchiveHit = { entity: row.entity as ArchiveHit["entity"], id: String(row.id), title: String(row.title), subtitle: String(row.subtitle ?? ""), archived_at: new Date(String(row.archived_at)).toISOString() };
      const mark = `${hit.entity}:${hit.id}`;
      if (seen.has(mark)) continue;
      seen.add(mark);
      hits.push(hit);
    }
  }
  return hits;
}
