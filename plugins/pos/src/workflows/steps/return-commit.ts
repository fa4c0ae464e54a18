import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId } from "@medusajs/framework/utils";
import { diffFields, type AuditEntryInput, type PaymentMethod } from "@voltura/domain";
import { lockStockLevels, moveStockedQuantity, rows, sqlConnection, withStockLocks, type Sql, type SqlRow, type SqlTransaction } from "@voltura/medusa-kit";
import { checkRefundRules, decideKeyedChange, fitRefundToPaid, planReturnLines, settleRefund, type RefundRuleReason, type RefundSettlement } from "@voltura/pos-rules";
import type { Approver } from "./approver";
import { posApprovalRequired, posConflict, posInvalid } from "./errors";
import { keyReused, lockSaleForChange, openShiftId, retryOnKeyRace } from "./sale-change";
import { writeSaleOutbox, type SaleOutboxEntry } from "./sale-outbox";

export const POS_SALE_RETURNED = "pos.sale.returned";

export interface ReturnBody {
  idempotency_key: string;
  lines: Array<{ line_id: string; quantity: number }>;
  restock: boolean;
  /** Null: back by the original tender. */
  refund_method: PaymentMethod | null;
  reason: string | null;
}


export interface ReturnCommitInput {
  sale_id: string;
  body: ReturnBody;
  request_hash: string;
  actor: { id: string; name: string };
  approver: Approver | null;
  refund_limit_sen: number | null;
  /** The shop's stock location, when the return restocks. */
  location_id: string | null;
  /** The `pos.refund` audit row as the request starts it (who, request id, IP); the transaction adds what changed and the refund. */
  audit: AuditEntryInput | null;
}

export interface ReturnOutcome {
  sale_id: string;
  return_id: string;
  replayed: boolean;
  /** The outbox rows this request wrote and holds (none on a replay). */
  outbox_ids: string[];
}

/** The return an earlier request with the key recorded, with its fingerprint; null when the key is new. */
export async function returnOfKey(db: Sql, key: string): Promise<{ id: string; sale_id: string; request_hash: string | null } | null> {
  const [found] = await rows(db, `SELECT id, sale_id, request_hash FROM pos_return WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return found ? { id: String(found.id), sale_id: String(found.sale_id), request_hash: (found.request_hash as string | null) ?? null } : null;
}

/** What a refund changes on the sale, for the audit row's before/after. */
function refundState(refundedSen: number, lines: SqlRow[], returnCount: number) {
  return {
    refunded_sen: refundedSen,
    returned_quantities: Object.fromEntries(lines.map((l) => [String(l.id), Number(l.returned_quantity)])),
    return_count: returnCount,
  };
}

/**
 * Restock as the ledger books a return: one `return` row per line (reference the sale), on-hand
 * raised by the units the sale took (quantity × the variant's required quantity), on levels locked
 * in id order. The caller holds the items' stock locks.
 */
/** The inventory items a restocking return puts back (for the live stock change). */
function restockedItems(restocks: boolean, lines: SqlRow[], planned: Array<{ line_id: string }>): string[] {
  if (!restocks) return [];
  return [...new Set(planned.map((p) => lines.find((l) => l.id === p.line_id)?.inventory_item_id).filter((id): id is string => typeof id === "string"))];
}

async function restock(trx: SqlTransaction, input: ReturnCommitInput, lines: SqlRow[], planned: Array<{ line_id: string; quantity: number }>): Promise<void> {
  const stocked = planned.map((p) => ({ ...p, line: lines.find((l) => l.id === p.line_id)! })).filter((p) => p.line.inventory_item_id);
  if (!input.location_id || !stocked.length) return;
  const required = await rows(trx,
    `SELECT variant_id, inventory_item_id, required_quantity FROM product_variant_inventory_item
      WHERE variant_id = ANY(?::text[]) AND deleted_at IS NULL`, [stocked.map((p) => p.line.variant_id ?? "")]);
  const movements = stocked.map((p) => {
    const link = required.find((r) => r.variant_id === p.line.variant_id && r.inventory_item_id === p.line.inventory_item_id);
    return { inventory_item_id: String(p.line.inventory_item_id), units: p.quantity * (Number(link?.required_quantity ?? 1) || 1) };
  });
  await lockStockLevels(trx, movements.map((m) => m.inventory_item_id), input.location_id);
  const net = new Map<string, number>();
  for (const m of movements) net.set(m.inventory_item_id, (net.get(m.inventory_item_id) ?? 0) + m.units);
  for (const [itemId, units] of net) await moveStockedQuantity(trx, itemId, input.location_id, units);
  await trx("stock_movement").insert(movements.map((m) => ({
    id: generateEntityId(undefined, "smov"), inventory_item_id: m.inventory_item_id, location_id: input.location_id, quantity_delta: m.units,
    kind: "return", unit_cost_sen: null, reference_type: "pos_return", reference_id: input.sale_id, actor_id: input.actor.id, reason: input.body.reason, note: null,
  })));
}

interface DecidedReturn {
  lines: Array<{ line_id: string; quantity: number; refund_sen: number; title: string }>;
  refund: RefundSettlement;
  method: PaymentMethod;
  /** The rules a manager approved the refund past (empty when none applied). */
  reasons: RefundRuleReason[];
  earlier_returns: number;
}

/**
 * What comes back and what is refunded, on the locked sale as it is now: each line's share of what
 * was paid, no more than sold (409 over_return) or paid and not yet refunded (409); back by the
 * original tender unless a manager approves another method, a manager above the limit (403).
 */
async function decideReturn(trx: SqlTransaction, input: ReturnCommitInput, sale: SqlRow, lines: SqlRow[]): Promise<DecidedReturn> {
  const { body } = input;
  const plan = planReturnLines(lines.map((l) => ({
    id: String(l.id), title: String(l.title), quantity: Number(l.quantity), total_sen: Number(l.total_sen), returned_quantity: Number(l.returned_quantity),
  })), body.lines);
  if (!plan.ok && plan.code === "unknown_line") throw posInvalid(`Invalid request: ${plan.field}: not a line of sale ${String(sale.receipt_number)}`, { field: plan.field });
  if (!plan.ok) {
    const title = lines.find((l) => l.id === body.lines[plan.index]!.line_id)?.title;
    throw posConflict("over_return", `${plan.field}: only ${plan.available} of ${String(title)} left to return`, { field: plan.field, available: plan.available });
  }
  const refundable = Number(sale.paid_sen) - Number(sale.refunded_sen);
  const fitted = fitRefundToPaid(plan.lines, refundable);
  if (!fitted.ok) {
    throw posConflict("refund_exceeds_paid", `The refund (${plan.refund_sen} sen) is more than what was paid and not yet refunded (${refundable} sen)`, { refundable_sen: refundable });
  }
  const payments = await rows(trx, `SELECT method, amount_sen FROM pos_payment WHERE sale_id = ? AND deleted_at IS NULL ORDER BY received_at, id`, [input.sale_id]);
  const returns = await rows(trx, `SELECT refund_method, refund_sen FROM pos_return WHERE sale_id = ? AND deleted_at IS NULL`, [input.sale_id]);
  if (!payments.length && !body.refund_method) throw posInvalid("Invalid request: refund_method: the sale has no payments to follow; choose a method", { field: "refund_method" });
  const rules = checkRefundRules({
    refund_sen: fitted.refund_sen, method: body.refund_method, limit_sen: input.refund_limit_sen,
    tenders: payments.map((p) => ({ method: p.method as PaymentMethod, amount_sen: Number(p.amount_sen) })),
    earlier_refunds: returns.map((r) => ({ method: r.refund_method as PaymentMethod, refund_sen: Number(r.refund_sen) })),
  });
  if (rules.approval_required && !input.approver) {
    throw posApprovalRequired(`A manager must approve this refund (manager_approval): ${rules.reasons.map((r) => r.message).join("; ")}`, {
      rule: rules.reasons[0]!.code, reasons: rules.reasons, default_method: rules.default_method, refund_sen: fitted.refund_sen, limit_sen: input.refund_limit_sen,
    });
  }
  return { lines: fitted.lines, refund: settleRefund(fitted.refund_sen, rules.method === "cash"), method: rules.method, reasons: rules.reasons, earlier_returns: returns.length };
}

/** The `pos.refund` audit row: the sale's refund state before/after, and the refund with who did and approved it. */
function refundAuditEntry(base: AuditEntryInput, input: ReturnCommitInput, sale: SqlRow, lines: SqlRow[], decided: DecidedReturn, returnId: string): AuditEntryInput {
  const refunded = Number(sale.refunded_sen);
  const after = lines.map((l) => ({ ...l, returned_quantity: Number(l.returned_quantity) + decided.lines.filter((p) => p.line_id === l.id).reduce((sum, p) => sum + p.quantity, 0) }));
  return {
    ...base,
    changes: diffFields(refundState(refunded, lines, decided.earlier_returns), refundState(refunded + decided.refund.refund_sen, after, decided.earlier_returns + 1)),
    metadata: {
      receipt_number: String(sale.receipt_number), return_id: returnId, refund_sen: decided.refund.refund_sen, paid_out_sen: decided.refund.paid_out_sen,
      refund_method: decided.method, method_asked: input.body.refund_method, restock: input.body.restock, reason: input.body.reason,
      approval_reasons: decided.reasons.map((r) => r.code),
      approver: input.approver ? { id: input.approver.id, name: input.approver.name, method: input.approver.method } : null,
    },
  };
}

/**
 * A return in ONE transaction under the sale's row lock (and the items' stock locks): the key is
 * looked up (same request → its return, another → 409), the return decided on the sale as it is
 * now (decideReturn), then written together: the return row with who did and approved it, the
 * returned quantities, the sale's refunded amount, the restock (stock_movement + inventory_level)
 * and the outbox (the refund on the order, `pos.sale.returned`, the `pos.refund` audit row).
 */
export async function commitReturn(container: MedusaContainer, input: ReturnCommitInput, itemIds: string[]): Promise<ReturnOutcome> {
  const { body } = input;
  return withStockLocks(container, itemIds, () => retryOnKeyRace(() => sqlConnection(container).transaction(async (trx): Promise<ReturnOutcome> => {
    const sale = await lockSaleForChange(trx, input.sale_id);
    const earlier = await returnOfKey(trx, body.idempotency_key);
    const decision = decideKeyedChange(earlier, input.request_hash);
    if (decision === "reused") throw keyReused("return");
    if (decision === "replay") return { sale_id: earlier!.sale_id, return_id: earlier!.id, replayed: true, outbox_ids: [] };

    const lines = await rows(trx, `SELECT id, title, quantity, total_sen, returned_quantity, variant_id, inventory_item_id FROM pos_sale_line WHERE sale_id = ? AND deleted_at IS NULL`, [input.sale_id]);
    const decided = await decideReturn(trx, input, sale, lines);
    const { refund } = decided;
    const returnId = generateEntityId(undefined, "pret");
    await trx("pos_return").insert({
      id: returnId, sale_id: input.sale_id, idempotency_key: body.idempotency_key, request_hash: input.request_hash, lines: JSON.stringify(decided.lines),
      restock: body.restock, refund_method: decided.method, refund_sen: refund.refund_sen, paid_out_sen: refund.paid_out_sen, cash_rounding_sen: refund.cash_rounding_sen,
      reason: body.reason, shift_id: await openShiftId(trx, String(sale.register_id)), created_by: input.actor.id, created_by_name: input.actor.name,
      approved_by: input.approver?.id ?? null, approved_by_name: input.approver?.name ?? null, approval_method: input.approver?.method ?? null,
      approval_reasons: JSON.stringify(decided.reasons.map((r) => r.code)),
    });
    for (const line of decided.lines) {
      await trx.raw(`UPDATE pos_sale_line SET returned_quantity = returned_quantity + ?, updated_at = now() WHERE id = ?`, [line.quantity, line.line_id]);
    }
    await trx.raw(`UPDATE pos_sale SET refunded_sen = refunded_sen + ?, updated_at = now() WHERE id = ?`, [refund.refund_sen, input.sale_id]);
    if (body.restock) await restock(trx, input, lines, decided.lines);

    const outbox: SaleOutboxEntry[] = [
      { task: "order_money", reference_id: returnId, payload: { amount_sen: -refund.refund_sen, reference: `pos_refund_${decided.method}` } },
      { task: "event", reference_id: returnId, payload: { name: POS_SALE_RETURNED, data: { id: input.sale_id, return_id: returnId, item_ids: restockedItems(body.restock, lines, decided.lines) } } },
    ];
    if (input.audit) {
      outbox.push({ task: "audit", reference_id: returnId, payload: { entry: refundAuditEntry(input.audit, input, sale, lines, decided, returnId), match: { return_id: returnId } } });
    }
    return { sale_id: input.sale_id, return_id: returnId, replayed: false, outbox_ids: await writeSaleOutbox(trx, input.sale_id, outbox) };
  })));
}
