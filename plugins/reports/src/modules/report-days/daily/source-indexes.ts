/**
 * Indexes on the sources that the report refresh and a report's live days read by range: counter-sale
 * orders by created_at, repair invoices by issued_at, repair jobs by completed_at, customers by
 * created_at (the dashboard), quotes awaiting a decision and the audit trail per entity (the
 * dashboard's quotes and activity feed), and every source by updated_at, so finding the days changed since
 * the last refresh is an index scan. Module migrations run in no fixed order (Medusa's and the
 * other plugins' tables may not exist yet when ours run), so the migration script
 * `migration-scripts/report-source-indexes.ts` makes the missing ones after every migration (as the
 * migrating role), and the reportDays module when it loads (loaders/source-indexes.ts).
 */
export interface SourceIndex { name: string; table: string; definition: string }

export const SOURCE_INDEXES: readonly SourceIndex[] = [
  { name: "IDX_order_pos_created_at", table: "order", definition: `("created_at") WHERE "deleted_at" IS NULL AND ("metadata" ->> 'source') = 'pos'` },
  { name: "IDX_order_pos_updated_at", table: "order", definition: `("updated_at") WHERE ("metadata" ->> 'source') = 'pos'` },
  { name: "IDX_order_item_updated_at", table: "order_item", definition: `("updated_at")` },
  { name: "IDX_repair_invoice_issued_at", table: "repair_invoice", definition: `("issued_at") WHERE "deleted_at" IS NULL` },
  { name: "IDX_repair_invoice_updated_at", table: "repair_invoice", definition: `("updated_at")` },
  { name: "IDX_repair_line_updated_at", table: "repair_line", definition: `("updated_at")` },
  { name: "IDX_repair_job_completed_at", table: "repair_job", definition: `("completed_at") WHERE "deleted_at" IS NULL` },
  { name: "IDX_sales_invoice_updated_at", table: "sales_invoice", definition: `("updated_at")` },
  { name: "IDX_customer_created_at", table: "customer", definition: `("created_at") WHERE "deleted_at" IS NULL` },
  // The dashboard: repair quotes awaiting the customer's decision, and the activity feed per audit entity.
  { name: "IDX_repair_quote_sent_at_awaiting", table: "repair_quote", definition: `("sent_at", "id") WHERE "deleted_at" IS NULL AND "status" = 'sent'` },
  { name: "IDX_audit_entry_entity_seq", table: "audit_entry", definition: `("entity", "seq") WHERE "deleted_at" IS NULL` },
];

export const createSourceIndexSql = (index: SourceIndex) => `CREATE INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" ${index.definition}`;

type Raw = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

/** Creates those whose table exists and index does not, each in a transaction under an advisory lock; the names created. */
export async function ensureSourceIndexes(db: Raw & { transaction<T>(work: (trx: Raw) => Promise<T>): Promise<T> }): Promise<string[]> {
  const { rows } = await db.raw(
    `SELECT i.name FROM unnest(?::text[], ?::text[]) AS i(name, tbl)
     WHERE to_regclass('public.' || quote_ident(i.tbl)) IS NOT NULL AND to_regclass('public.' || quote_ident(i.name)) IS NULL`,
    [SOURCE_INDEXES.map((i) => i.name), SOURCE_INDEXES.map((i) => i.table)],
  );
  const missing = new Set(rows.map((r) => String(r.name)));
  const created: string[] = [];
  for (const index of SOURCE_INDEXES.filter((i) => missing.has(i.name))) {
    await db.transaction(async (trx) => {
      await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('report-source-indexes'))`);
      await trx.raw(createSourceIndexSql(index));
    });
    created.push(index.name);
  }
  return created;
}
