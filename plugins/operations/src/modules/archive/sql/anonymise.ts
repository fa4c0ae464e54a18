import { rows, type Sql } from "@voltura/medusa-kit";
import { ANONYMISED_NAME, anonymisedPhone, REMOVED_TEXT } from "../../../domain/archive-rules";
import type { CustomerScope } from "./customer-scope";
import { tableExists } from "./tables";

interface Placeholders { name: string; phone: string; removed: string }

/**
 * One personal-data rewrite: SET over the rows WHERE matches the customer. `set` may use :name,
 * :phone and :removed; phones in columns with a unique index get the row id appended. `archiveSet`
 * also clears the archive's plain copies of generated search columns that held the name or phone.
 */
interface Rewrite { table: string; set: string; where: string; bindings: (s: CustomerScope) => unknown[]; archiveSet?: string; hotOnly?: boolean }

const byCustomerOrPhone = "customer_id = ? OR (?::text IS NOT NULL AND phone = ?)";
const customerOrPhone = (s: CustomerScope) => [s.customerId, s.phone, s.phone];
const scrubBuyer = `(SELECT coalesce(jsonb_object_agg(k, CASE WHEN k = 'name' THEN to_jsonb(:name::text)
    WHEN k IN ('phone', 'email', 'address', 'address_line', 'contact', 'contact_number') THEN 'null'::jsonb ELSE v END), '{}'::jsonb) FROM jsonb_each(buyer) AS b(k, v))`;

/**
 * Every table holding a name, phone, email, address or note of a customer. Tax records keep their
 * rows and amounts (invoices, receipts); only the person's details in them are replaced. The
 * campaign blacklist keeps the number, so an opted-out person is never messaged again.
 */
export const REWRITES: readonly Rewrite[] = [
  { table: "customer", hotOnly: true, where: "id = ?", bindings: (s) => [s.customerId],
    set: `first_name = 'Anonymised', last_name = 'customer', email = NULL, phone = NULL, company_name = NULL,
          metadata = coalesce(metadata, '{}'::jsonb) || jsonb_build_object('anonymised_at', now())` },
  { table: "customer_address", hotOnly: true, where: "customer_id = ?", bindings: (s) => [s.customerId],
    set: `first_name = NULL, last_name = NULL, company = NULL, address_name = NULL, address_1 = NULL, address_2 = NULL, city = NULL, province = NULL, postal_code = NULL, phone = NULL` },
  { table: "customer_note", hotOnly: true, where: "profile_id = ANY(?::text[])", bindings: (s) => [s.profileIds], set: `body = :removed` },
  { table: "repair_job", where: "id = ANY(?::text[])", bindings: (s) => [s.jobIds], set: `customer_name = :name, customer_phone = :phone`,
    archiveSet: `phone_digits = NULL, customer_name_key = NULL` },
  { table: "repair_warranty", where: "repair_job_id = ANY(?::text[])", bindings: (s) => [s.jobIds], set: `customer_phone = :phone` },
  { table: "pos_sale", where: "id = ANY(?::text[])", bindings: (s) => [s.saleIds], set: `customer_name = CASE WHEN customer_name IS NULL THEN NULL ELSE :name END, customer_phone = NULL, note = NULL` },
  { table: "sales_invoice", hotOnly: true, where: "customer_id = ?", bindings: (s) => [s.customerId], set: `buyer = ${scrubBuyer}, notes = NULL` },
  { table: "quotation", hotOnly: true, where: "customer_id = ?", bindings: (s) => [s.customerId], set: `buyer = ${scrubBuyer}, notes = NULL` },
  { table: "whatsapp_message", where: byCustomerOrPhone, bindings: customerOrPhone, set: `phone = :phone, sender_name = NULL, body = :removed, media = NULL` },
  { table: "whatsapp_contact", hotOnly: true, where: byCustomerOrPhone, bindings: customerOrPhone, set: `phone = :phone || ':' || id, name = NULL` },
  { table: "concierge_conversation", where: byCustomerOrPhone, bindings: customerOrPhone, set: `phone = :phone || ':' || id, summary = '', recent_turns = '[]'::jsonb` },
  { table: "concierge_handoff", hotOnly: true, where: byCustomerOrPhone, bindings: customerOrPhone, set: `phone = :phone, summary = NULL` },
  { table: "concierge_draft", hotOnly: true, where: "?::text IS NOT NULL AND phone = ?", bindings: (s) => [s.phone, s.phone], set: `phone = :phone, body = :removed, source_text = :removed` },
  { table: "campaign_recipient", hotOnly: true, where: byCustomerOrPhone, bindings: customerOrPhone,
    set: `phone = :phone, name = NULL, body = CASE WHEN body IS NULL THEN NULL ELSE :removed END, "values" = '{}'::jsonb` },
];

/** Replaces :name / :phone / :removed with positional bindings, in order of appearance. */
function bindPlaceholders(set: string, p: Placeholders): { sql: string; bindings: string[] } {
  const bindings: string[] = [];
  const sql = set.replace(/:(name|phone|removed)\b/g, (_m, which: keyof Placeholders) => { bindings.push(p[which]); return "?"; });
  return { sql, bindings };
}

/**
 * Rewrites the customer's personal fields everywhere (hot tables and archive) inside the caller's
 * ONE transaction. Returns the rows changed per table.
 */
export async function anonymiseCustomer(trx: Sql, scope: CustomerScope, requestId: string): Promise<Record<string, number>> {
  const placeholders: Placeholders = { name: ANONYMISED_NAME, phone: anonymisedPhone(requestId), removed: REMOVED_TEXT };
  const counts: Record<string, number> = {};
  for (const rewrite of REWRITES) {
    for (const schema of rewrite.hotOnly ? ["public"] : ["public", "archive"]) {
      if (!(await tableExists(trx, `${schema}.${rewrite.table}`))) continue;
      const set = bindPlaceholders(schema === "archive" && rewrite.archiveSet ? `${rewrite.set}, ${rewrite.archiveSet}` : rewrite.set, placeholders);
      const changed = await rows(trx, `UPDATE ${schema}."${rewrite.table}" SET ${set.sql}, updated_at = now() WHERE ${rewrite.where} RETURNING 1`,
        [...set.bindings, ...rewrite.bindings(scope)]);
      if (changed.length) counts[rewrite.table] = (counts[rewrite.table] ?? 0) + changed.length;
    }
  }
  return counts;
}
