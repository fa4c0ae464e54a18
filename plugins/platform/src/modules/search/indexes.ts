import type { Logger } from "@medusajs/framework/types";
import { rows, type SqlConnection } from "@voltura/medusa-kit";
import { nameKey, phoneKey } from "./customer-sql";
import { titleKey } from "./item-sql";
import { digitsKey, numberKey, textKey } from "./record-sql";

/**
 * The search's indexes on Medusa's own tables (`customer`, `product`, `product_variant`) and on the
 * records the palette finds (invoices, quotations, receipts, chats): all on expressions, so no table
 * gets a column for the search. Built from the same expressions as the
 * search SQL, so a query and its index never drift apart.
 *
 * Module migrations run in no fixed order (Medusa's tables may not exist yet when ours run), so these
 * are made by the migration script `migration-scripts/search-indexes.ts` (after every migration, as
 * the migrating role), and by the CRM and POS modules when they load (loaders/search-indexes.ts) where
 * the app's role may create indexes, once, under an advisory lock: an index that exists is left alone.
 */
export interface SearchIndex {
  name: string;
  table: string;
  definition: string;
}

const LIVE = `WHERE "deleted_at" IS NULL`;
// No pending list: every search reads the index proper.
const GIN = `WITH (fastupdate = off) ${LIVE}`;

/** Phone digits (any run, whole number, start, number order), name / company / email words, exact email, each list sort. */
export const CUSTOMER_SEARCH_INDEXES: SearchIndex[] = [
  { name: "IDX_customer_phone_digits_trgm", table: "customer", definition: `USING gin ((${phoneKey("")}) gin_trgm_ops) ${GIN}` },
  { name: "IDX_customer_phone_digits_c", table: "customer", definition: `((${phoneKey("")}) COLLATE "C", "created_at", "id") ${LIVE}` },
  { name: "IDX_customer_search_key_trgm", table: "customer", definition: `USING gin ((${nameKey("")}) gin_trgm_ops) ${GIN}` },
  { name: "IDX_customer_search_words", table: "customer", definition: `USING gin (to_tsvector('simple'::regconfig, ${nameKey("")})) ${GIN}` },
  { name: "IDX_customer_email_lower", table: "customer", definition: `(lower("email")) ${LIVE}` },
  { name: "IDX_customer_created_at_id", table: "customer", definition: `("created_at", "id") ${LIVE}` },
  { name: "IDX_customer_name_id", table: "customer", definition: `("first_name", "last_name", "id") ${LIVE}` },
];

/** A code's start (whole codes use Medusa's unique indexes), a part of the SKU, product and variant names. */
export const ITEM_SEARCH_INDEXES: SearchIndex[] = [
  { name: "IDX_product_variant_sku_upper_pattern", table: "product_variant", definition: `((upper("sku")) text_pattern_ops) ${LIVE}` },
  { name: "IDX_product_variant_barcode_pattern", table: "product_variant", definition: `("barcode" text_pattern_ops) ${LIVE}` },
  { name: "IDX_product_variant_sku_upper_trgm", table: "product_variant", definition: `USING gin ((upper("sku")) gin_trgm_ops) ${GIN}` },
  { name: "IDX_product_variant_title_trgm", table: "product_variant", definition: `USING gin ((${titleKey(`"title"`)}) gin_trgm_ops) ${GIN}` },
  { name: "IDX_product_title_trgm", table: "product", definition: `USING gin ((${titleKey(`"title"`)}) gin_trgm_ops) ${GIN}` },
];

/** A number's key: its start (and the whole key) on a pattern btree, any part of it by trigram. */
const numberIndexes = (table: string, column: string): SearchIndex[] => [
  { name: `IDX_${table}_${column}_key_pattern`, table, definition: `((${numberKey(`"${column}"`)}) text_pattern_ops) ${LIVE}` },
  { name: `IDX_${table}_${column}_key_trgm`, table, definition: `USING gin ((${numberKey(`"${column}"`)}) gin_trgm_ops) ${GIN}` },
];
/** A buyer's phone digits and name in a document's `buyer` JSON (trigram: whole, start and any part). */
const buyerIndexes = (table: string): SearchIndex[] => [
  { name: `IDX_${table}_buyer_phone_digits_trgm`, table, definition: `USING gin ((${digitsKey(`("buyer" ->> 'phone')`)}) gin_trgm_ops) ${GIN}` },
  { name: `IDX_${table}_buyer_name_trgm`, table, definition: `USING gin ((${textKey(`("buyer" ->> 'name')`)}) gin_trgm_ops) ${GIN}` },
];

/**
 * The palette's records (search/record-sql.ts): invoice, quotation and receipt numbers, the buyer's
 * phone and name, the chats' phones and their customer. A repair invoice's customer is found through
 * the job's own search indexes, a chat's customer name through the customer's.
 */
export const RECORD_SEARCH_INDEXES: SearchIndex[] = [
  ...numberIndexes("repair_invoice", "invoice_number"),
  ...numberIndexes("sales_invoice", "invoice_number"),
  ...buyerIndexes("sales_invoice"),
  ...numberIndexes("quotation", "quotation_number"),
  ...buyerIndexes("quotation"),
  ...numberIndexes("pos_sale", "receipt_number"),
  { name: "IDX_pos_sale_customer_phone_digits_trgm", table: "pos_sale", definition: `USING gin ((${digitsKey(`"customer_phone"`)}) gin_trgm_ops) ${GIN}` },
  { name: "IDX_pos_sale_customer_name_trgm", table: "pos_sale", definition: `USING gin ((${textKey(`"customer_name"`)}) gin_trgm_ops) ${GIN}` },
  { name: "IDX_concierge_conversation_phone_digits_trgm", table: "concierge_conversation", definition: `USING gin ((${digitsKey(`"phone"`)}) gin_trgm_ops) ${GIN}` },
  { name: "IDX_concierge_conversation_customer_id", table: "concierge_conversation", definition: `("customer_id") ${LIVE}` },
];

export const createIndexSql = (index: SearchIndex) => `CREATE INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" ${index.definition}`;

/** Creates the missing ones among `indexes`; the names created. Needs pg_trgm and repair_search_key (the repair migration's). */
export async function ensureSearchIndexes(db: SqlConnection, indexes: readonly SearchIndex[], logger?: Pick<Logger, "info" | "warn">): Promise<string[]> {
  const [state] = await rows(
    db,
    `SELECT to_regprocedure('public.repair_search_key(text)') IS NOT NULL AS search_key,
            EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS trgm,
            array(SELECT t FROM unnest(?::text[]) t WHERE to_regclass('public.' || quote_ident(t)) IS NULL) AS missing_tables,
            array(SELECT i FROM unnest(?::text[]) i WHERE to_regclass('public.' || quote_ident(i)) IS NULL) AS missing_indexes`,
    [[...new Set(indexes.map((i) => i.table))], indexes.map((i) => i.name)],
  );
  const missingTables = new Set((state?.missing_tables ?? []) as string[]);
  const wanted = new Set((state?.missing_indexes ?? []) as string[]);
  const todo = indexes.filter((i) => wanted.has(i.name) && !missingTables.has(i.table));
  if (!todo.length) return [];
  if (!state?.search_key || !state?.trgm) {
    logger?.warn(`Search indexes not created yet: pg_trgm and repair_search_key come with the repair plugin's migrations (${todo.map((i) => i.name).join(", ")})`);
    return [];
  }
  await db.transaction(async (trx) => {
    // Several processes may load at once: one builds, the others find the indexes there.
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('voltura:search-indexes'))`);
    for (const index of todo) await trx.raw(createIndexSql(index));
  });
  logger?.info(`Search indexes created: ${todo.map((i) => i.name).join(", ")}`);
  return todo.map((i) => i.name);
}
