import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, generateEntityId, Modules } from "@medusajs/framework/utils";
import type { AuditEntryInput } from "@voltura/domain";
import { AUDIT_MODULE, rows, sqlConnection, type AuditRecorder, type SqlTransaction } from "@voltura/medusa-kit";
import { keepOldest, SALE_OUTBOX_LEASE_MS } from "@voltura/pos-rules";
import { z } from "zod";
import { addOrderMoney, removeOrderMoney } from "./order-transactions";

/** What a payment or return on a completed sale still has to do outside its transaction, one row each. */
export type SaleOutboxEntry =
  /** Money in (a payment) or out (a refund, negative) on the sale's order; `reference_id` becomes the transaction's. */
  | { task: "order_money"; reference_id: string; payload: { amount_sen: number; reference: string } }
  | { task: "event"; reference_id: string; payload: { name: string; data: Record<string, unknown> } }
  /** The audit row, appended unless a row with `metadata` containing `match` is there already. */
  | { task: "audit"; reference_id: string; payload: { entry: AuditEntryInput; match: Record<string, string> } };

type OutboxRow = SaleOutboxEntry & { id: string; sale_id: string };

/** A `pos_outbox` row as read back: the entry `writeSaleOutbox` stored, checked. */
const outboxRowSchema = z.intersection(
  z.object({ id: z.string(), sale_id: z.string(), reference_id: z.string() }),
  z.discriminatedUnion("task", [
    z.object({ task: z.literal("order_money"), payload: z.object({ amount_sen: z.number(), reference: z.string() }) }),
    z.object({ task: z.literal("event"), payload: z.object({ name: z.string(), data: z.record(z.string(), z.unknown()) }) }),
    z.object({ task: z.literal("audit"), payload: z.object({ entry: z.custom<AuditEntryInput>((v) => typeof v === "object" && v !== null), match: z.record(z.string(), z.string()) }) }),
  ]),
);
const outboxRowsOf = (found: unknown[]): OutboxRow[] => found.map((row) => outboxRowSchema.parse(row));

export interface SaleOutboxReport {
  done: string[];
  failed: Array<{ id: string; error: string }>;
}

/** Writes a change's outbox inside its transaction, held by the writing request for one lease; answers the row ids. */
export async function writeSaleOutbox(trx: SqlTransaction, saleId: string, entries: readonly SaleOutboxEntry[]): Promise<string[]> {
  const ids: string[] = [];
  for (const entry of entries) {
    const id = generateEntityId(undefined, "poutb");
    await trx.raw(
      `INSERT INTO pos_outbox (id, sale_id, task, reference_id, payload, lease_until, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?::jsonb, now() + ?::int * interval '1 millisecond', now(), now())`,
      [id, saleId, entry.task, entry.reference_id, JSON.stringify(entry.payload), SALE_OUTBOX_LEASE_MS]);
    ids.push(id);
  }
  return ids;
}

/** Takes the lease on those rows nobody holds (not done; lease free or run out), so only one process runs each. */
async function takeLeases(container: MedusaContainer, where: string, bindings: unknown[]): Promise<OutboxRow[]> {
  const taken = await rows(sqlConnection(container),
    `UPDATE pos_outbox SET lease_until = now() + ?::int * interval '1 millisecond', updated_at = now()
      WHERE ${where} AND done_at IS NULL AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until <= now())
      RETURNING id, sale_id, task, reference_id, payload`,
    [SALE_OUTBOX_LEASE_MS, ...bindings]);
  return outboxRowsOf(taken);
}

async function loadHeld(container: MedusaContainer, ids: readonly string[]): Promise<OutboxRow[]> {
  const held = await rows(sqlConnection(container),
    `SELECT id, sale_id, task, reference_id, payload FROM pos_outbox WHERE id = ANY(?::text[]) AND done_at IS NULL ORDER BY created_at, id`, [ids]);
  return outboxRowsOf(held);
}

/**
 * The order transaction carrying `reference_id`, made once: an existing one is kept, and after adding
 * one the transactions are counted again so two holders that raced past a lease keep the oldest.
 */
async function ensureOrderMoney(container: MedusaContainer, row: OutboxRow & { task: "order_money" }): Promise<void> {
  const [sale] = await rows(sqlConnection(container), `SELECT order_id FROM pos_sale WHERE id = ?`, [row.sale_id]);
  const orderId = (sale?.order_id as string | null | undefined) ?? null;
  if (!orderId) throw new Error(`sale ${row.sale_id} has no order to carry the money`);
  const orders = container.resolve(Modules.ORDER);
  const carrying = async () => (await orders.listOrderTransactions({ reference_id: row.reference_id }, { select: ["id", "created_at"] }))
    .map((t) => ({ id: t.id, created_at: new Date(t.created_at) }));
  if ((await carrying()).length) return;
  await addOrderMoney(container, orderId, [{ amount_sen: row.payload.amount_sen, reference: row.payload.reference, reference_id: row.reference_id }]);
  const { remove } = keepOldest(await carrying());
  await removeOrderMoney(container, remove.map((t) => t.id));
}

async function appendAudit(container: MedusaContainer, row: OutboxRow & { task: "audit" }): Promise<void> {
  const { entry, match } = row.payload;
  const [found] = await rows(sqlConnection(container),
    `SELECT id FROM audit_entry WHERE action = ? AND entity = ? AND entity_id IS NOT DISTINCT FROM ? AND metadata @> ?::jsonb LIMIT 1`,
    [entry.action, entry.entity, entry.entity_id ?? null, JSON.stringify(match)]);
  if (!found) await container.resolve<AuditRecorder>(AUDIT_MODULE).record(entry);
}

async function runTask(container: MedusaContainer, row: OutboxRow): Promise<void> {
  if (row.task === "order_money") return ensureOrderMoney(container, row);
  if (row.task === "audit") return appendAudit(container, row);
  await container.resolve(Modules.EVENT_BUS).emit({ name: row.payload.name, data: row.payload.data });
}

/** Runs rows this process holds, one by one; a failing row keeps its error and waits for its lease to run out. */
async function runRows(container: MedusaContainer, held: readonly OutboxRow[]): Promise<SaleOutboxReport> {
  const db = sqlConnection(container);
  const report: SaleOutboxReport = { done: [], failed: [] };
  for (const row of held) {
    try {
      await runTask(container, row);
      await db.raw(`UPDATE pos_outbox SET done_at = now(), lease_until = NULL, last_error = NULL, updated_at = now() WHERE id = ?`, [row.id]);
      report.done.push(row.id);
    } catch (err) {
      const error = (err as Error).message;
      report.failed.push({ id: row.id, error });
      await db.raw(`UPDATE pos_outbox SET last_error = ?, updated_at = now() WHERE id = ?`, [error.slice(0, 1000), row.id]).then(undefined, () => undefined);
    }
  }
  return report;
}

function logFailures(container: MedusaContainer, report: SaleOutboxReport, what: string): void {
  if (!report.failed.length) return;
  container.resolve(ContainerRegistrationKeys.LOGGER).warn(
    `POS ${what}: ${report.failed.length} outbox task(s) left for the recovery job: ${report.failed.map((f) => `${f.id} (${f.error})`).join("; ")}`);
}

/** Right after the commit: runs the rows the request wrote (and holds). Never throws: what fails is left to the recovery. */
export async function runHeldSaleOutbox(container: MedusaContainer, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  logFailures(container, await runRows(container, await loadHeld(container, ids)), "write committed");
}

/** On a replay: finishes what is left of the change's rows (by payment or return id) if nobody holds them. Never throws. */
export async function finishSaleOutboxOf(container: MedusaContainer, referenceIds: readonly string[]): Promise<void> {
  if (!referenceIds.length) return;
  const taken = await takeLeases(container, `reference_id = ANY(?::text[])`, [referenceIds]);
  logFailures(container, await runRows(container, taken), "replay");
}

/**
 * Finishes every outbox row nobody holds: the order money, events and audit rows of payments and
 * returns whose request died after its commit. Each row is taken under its lease, so several
 * instances may run this at once. Runs with the checkout recovery (job `pos-checkout-recovery`).
 */
export async function recoverSaleOutbox(container: MedusaContainer, limit = 200): Promise<SaleOutboxReport> {
  const due = await rows(sqlConnection(container),
    `SELECT id FROM pos_outbox WHERE done_at IS NULL AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until <= now()) ORDER BY created_at, id LIMIT ?`, [limit]);
  if (!due.length) return { done: [], failed: [] };
  const taken = await takeLeases(container, `id = ANY(?::text[])`, [due.map((r) => String(r.id))]);
  const report = await runRows(container, taken);
  container.resolve(ContainerRegistrationKeys.LOGGER).info(`POS outbox recovery: ${report.done.length} done, ${report.failed.length} failed`);
  return report;
}
