import type { MedusaContainer } from "@medusajs/framework/types";
import { rows, sqlConnection } from "@voltura/medusa-kit";

/** Inserts rows as the plugins' own flows leave them, with chosen ages (SQL, so a spec can make "3 years ago"). */
export const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
export const OLD = ago(3 * 365);
export const RECENT = ago(20);

export interface Person { id: string; first: string; last: string; email: string; phone: string }
export const AISYAH: Person = { id: "cus_arch_first", first: "Aisyah", last: "Rahman", email: "aisyah.rahman@example.my", phone: "+60123456789" };
export const BALA: Person = { id: "cus_arch_second", first: "Bala", last: "Krishnan", email: "bala.k@example.my", phone: "+60198765432" };

type Db = ReturnType<typeof sqlConnection>;
const run = (db: Db, sql: string, b: unknown[] = []) => rows(db, sql, b);

export async function insertCustomer(db: Db, p: Person) {
  await run(db, `INSERT INTO customer (id, first_name, last_name, email, phone) VALUES (?, ?, ?, ?, ?)`, [p.id, p.first, p.last, p.email, p.phone]);
}

export interface JobSeed { id: string; number: string; status: string; at: string; person?: Person; imei?: string; children?: boolean; invoice?: boolean }

/** A job with (optionally) every child kind: history, event, photo, quote, line, expired warranty, invoice + payment, and the customer link. */
export async function insertJob(db: Db, j: JobSeed) {
  const p = j.person ?? BALA;
  await run(db, `INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, customer_name, customer_phone, created_by, received_at, sla_due_at,
      tracking_token, imei_serial, created_at, updated_at, outbox)
    VALUES (?, ?, ?, 'phone', 'Samsung', 'Galaxy A54', 'Screen cracked', ?, ?, 'seed', ?, ?, ?, ?, ?, ?, '[]'::jsonb)`,
  [j.id, j.number, j.status, `${p.first} ${p.last}`, p.phone, j.at, j.at, `tok_${j.id}`, j.imei ?? null, j.at, j.at]);
  if (j.person) await run(db, `INSERT INTO customer_customer_repair_repair_job (id, customer_id, repair_job_id) VALUES (?, ?, ?)`, [`link_${j.id}`, p.id, j.id]);
  if (!j.children) return;
  await run(db, `INSERT INTO repair_job_status_change (id, repair_job_id, from_status, to_status, changed_by, changed_at, created_at, updated_at) VALUES (?, ?, 'pending', ?, 'seed', ?, ?, ?)`, [`sc_${j.id}`, j.id, j.status, j.at, j.at, j.at]);
  await run(db, `INSERT INTO repair_job_event (id, kind, detail, actor, at, repair_job_id, created_at, updated_at) VALUES (?, 'note', '{"text":"called customer"}'::jsonb, 'seed', ?, ?, ?, ?)`, [`ev_${j.id}`, j.at, j.id, j.at, j.at]);
  await run(db, `INSERT INTO repair_job_photo (id, file_id, url, tag, mime_type, size_bytes, taken_by, repair_job_id, created_at, updated_at) VALUES (?, ?, '/static/x.jpg', 'before', 'image/jpeg', 100, 'seed', ?, ?, ?)`, [`ph_${j.id}`, `file_${j.id}`, j.id, j.at, j.at]);
  await run(db, `INSERT INTO repair_quote (id, repair_job_id, version, status, snapshot, created_at, updated_at) VALUES (?, ?, 1, 'approved', '{}'::jsonb, ?, ?)`, [`rq_${j.id}`, j.id, j.at, j.at]);
  await run(db, `INSERT INTO repair_line (id, repair_job_id, kind, title, quantity, unit_price_sen, created_by, created_at, updated_at) VALUES (?, ?, 'part', 'Screen', 1, 25000, 'seed', ?, ?)`, [`rl_${j.id}`, j.id, j.at, j.at]);
  await run(db, `INSERT INTO repair_warranty (id, repair_job_id, job_number, repair_line_id, title, device, customer_phone, warranty_days, starts_at, ends_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'Screen', 'Samsung Galaxy A54', ?, 90, ?, (?::timestamptz + interval '90 days'), ?, ?)`, [`rw_${j.id}`, j.id, j.number, `rl_${j.id}`, p.phone, j.at, j.at, j.at, j.at]);
  if (!j.invoice) return;
  await run(db, `INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen, sst_rate_bp, prices_include_tax, issued_at, issued_by, created_at, updated_at)
    VALUES (?, ?, ?, 25000, 2000, 27000, 0, 27000, 800, false, ?, 'seed', ?, ?)`, [`ri_${j.id}`, j.id, `INV-X-${j.number}`, j.at, j.at, j.at]);
  await run(db, `INSERT INTO repair_payment (id, repair_job_id, invoice_id, method, amount_sen, tendered_sen, received_by, received_at, created_at, updated_at) VALUES (?, ?, ?, 'cash', 27000, 27000, 'seed', ?, ?, ?)`, [`rp_${j.id}`, j.id, `ri_${j.id}`, j.at, j.at, j.at]);
}

/** Old delivered jobs in bulk (no children), for the search plan. */
export async function insertBulkJobs(db: Db, n: number) {
  await run(db, `INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, customer_name, customer_phone, created_by, received_at, sla_due_at, tracking_token, imei_serial, created_at, updated_at, outbox)
    SELECT 'bulk_' || lpad(g::text, 6, '0'), 'VSH-2022-' || lpad(g::text, 6, '0'), 'delivered', 'phone', 'Oppo', 'A' || (g % 90), 'Battery',
      'Customer ' || g, '+6011' || lpad(g::text, 8, '0'), 'seed', ?::timestamptz, ?::timestamptz, 'tok_bulk_' || g, lpad((350000000000000 + g)::text, 15, '0'), ?::timestamptz, ?::timestamptz, '[]'::jsonb
      FROM generate_series(1, ?) g`, [OLD, OLD, OLD, OLD, n]);
}

export interface SaleSeed { id: string; receipt: string; status: string; at: string; person?: Person }
export async function insertSale(db: Db, s: SaleSeed) {
  await run(db, `INSERT INTO pos_sale (id, idempotency_key, request_hash, register_id, cashier_id, cashier_name, status, receipt_number, customer_id, customer_phone, customer_name,
      subtotal_sen, total_sen, rounded_total_sen, paid_sen, sold_at, created_at, updated_at, outbox)
    VALUES (?, ?, 'h', 'reg_1', 'user_seed', 'Cashier', ?, ?, ?, ?, ?, 5000, 5000, 5000, 5000, ?, ?, ?, NULL)`,
  [s.id, `key_${s.id}`, s.status, s.receipt, s.person?.id ?? null, s.person?.phone ?? null, s.person ? `${s.person.first} ${s.person.last}` : null, s.at, s.at, s.at]);
  await run(db, `INSERT INTO pos_sale_line (id, sale_id, position, title, kind, quantity, unit_price_sen, gross_sen, line_discount_sen, promotion_sen, cart_discount_sen, net_sen, sst_rate_bp, sst_sen, total_sen, created_at, updated_at)
    VALUES (?, ?, 0, 'Screen protector', 'product', 1, 5000, 5000, 0, 0, 0, 5000, 0, 0, 5000, ?, ?)`, [`sl_${s.id}`, s.id, s.at, s.at]);
  await run(db, `INSERT INTO pos_payment (id, sale_id, stage, method, amount_sen, tendered_sen, received_by, received_at, created_at, updated_at) VALUES (?, ?, 'checkout', 'cash', 5000, 5000, 'seed', ?, ?, ?)`, [`pp_${s.id}`, s.id, s.at, s.at, s.at]);
}

export async function insertMessage(db: Db, m: { id: string; phone: string; at: string; status: string; customerId?: string; body?: string; sender?: string }) {
  await run(db, `INSERT INTO whatsapp_message (id, session_id, direction, phone, customer_id, body, status, sender_name, created_at, updated_at) VALUES (?, 'wss_1', 'in', ?, ?, ?, ?, ?, ?, ?)`,
    [m.id, m.phone, m.customerId ?? null, m.body ?? "Bila phone saya siap?", m.status, m.sender ?? null, m.at, m.at]);
}

export async function insertConversation(db: Db, c: { id: string; phone: string; at: string; customerId?: string }) {
  await run(db, `INSERT INTO concierge_conversation (id, phone, customer_id, recent_turns, last_message_at, created_at, updated_at) VALUES (?, ?, ?, '[{"role":"user","text":"hello"}]'::jsonb, ?, ?, ?)`,
    [c.id, c.phone, c.customerId ?? null, c.at, c.at, c.at]);
}

/**
 * Order-independent fingerprint of a table's rows across both schemas, over the hot table's
 * columns: archiving and restoring must leave it unchanged.
 */
export async function fingerprint(c: MedusaContainer, table: string): Promise<string> {
  const db = sqlConnection(c);
  const cols = (await rows(db, `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS cols FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ?`, [table]))[0]!.cols as string;
  const archived = (await rows(db, `SELECT to_regclass(?) IS NOT NULL AS present`, [`archive.${table}`]))[0]!.present;
  const union = `SELECT ${cols} FROM public."${table}"${archived ? ` UNION ALL SELECT ${cols} FROM archive."${table}"` : ""}`;
  const [row] = await rows(db, `SELECT count(*)::int AS n, coalesce(sum(hashtextextended(t::text, 0)), 0)::text AS h FROM (${union}) t`);
  return `${row!.n}:${row!.h}`;
}

/** Fingerprint of the hot table alone, bulk rows left out. */
export async function hotFingerprint(c: MedusaContainer, table: string): Promise<string> {
  const [row] = await rows(sqlConnection(c), `SELECT count(*)::int AS n, coalesce(sum(hashtextextended(t::text, 0)), 0)::text AS h FROM public."${table}" t WHERE t.id NOT LIKE 'bulk\\_%'`);
  return `${row!.n}:${row!.h}`;
}

/** Ids in the hot table and in the archive. */
export async function placesOf(c: MedusaContainer, table: string): Promise<{ hot: string[]; archived: string[] }> {
  const db = sqlConnection(c);
  const hot = (await rows(db, `SELECT id FROM public."${table}" ORDER BY id`)).map((r) => String(r.id));
  const present = (await rows(db, `SELECT to_regclass(?) IS NOT NULL AS present`, [`archive.${table}`]))[0]!.present;
  const archived = present ? (await rows(db, `SELECT id FROM archive."${table}" ORDER BY id`)).map((r) => String(r.id)) : [];
  return { hot, archived };
}
