import type { MedusaContainer } from "@medusajs/framework/types";
import { generateEntityId, Modules } from "@medusajs/framework/utils";
import { LIVE_EVENTS } from "@voltura/domain";
import type { PosTender } from "@voltura/contracts";
import { rows, sqlConnection, type SqlTransaction } from "@voltura/medusa-kit";
import { balancePaymentChange, decideKeyedChange, settlePayments } from "@voltura/pos-rules";
import { posConflict, posInvalid } from "./errors";
import { plannedPayments } from "./plan";
import { finishCheckoutIfAbandoned, keyReused, lockSaleForChange, openShiftId, retryOnKeyRace } from "./sale-change";
import { finishSaleOutboxOf, runHeldSaleOutbox, writeSaleOutbox } from "./sale-outbox";

export interface BalancePaymentRequest {
  sale_id: string;
  idempotency_key: string;
  payments: PosTender[];
  /** Fingerprint of the sale id and the body: the key sent again with anything else is refused. */
  request_hash: string;
  received_by: string;
}

export interface BalancePaymentOutcome {
  sale_id: string;
  payment_ids: string[];
  /** The outbox rows this request wrote and holds (none on a replay). */
  outbox_ids: string[];
  replayed: boolean;
}

/** Each tender of a request is one payment row keyed `<key>:<n>`. */
const tenderKey = (key: string, n: number) => `${key}:${n}`;

/** The payments an earlier request with the key recorded (on any sale), with its fingerprint; null when the key is new. */
async function paymentsOfKey(trx: SqlTransaction, key: string): Promise<{ request_hash: string | null; ids: string[] } | null> {
  const [first] = await rows(trx, `SELECT sale_id, request_hash FROM pos_payment WHERE idempotency_key = ? AND deleted_at IS NULL`, [tenderKey(key, 0)]);
  if (!first) return null;
  const all = await rows(trx,
    `SELECT id, idempotency_key FROM pos_payment WHERE sale_id = ? AND starts_with(idempotency_key, ?) AND deleted_at IS NULL ORDER BY idempotency_key`,
    [first.sale_id, `${key}:`]);
  const ids = all.filter((p) => /^\d+$/.test(String(p.idempotency_key).slice(key.length + 1))).map((p) => String(p.id));
  return { request_hash: (first.request_hash as string | null) ?? null, ids };
}

/**
 * A payment against a sale's balance, in ONE transaction under the sale's row lock: the key is
 * looked up (same request → its payments, another → 409), the payment settled against what is due
 * now (cash part rounded to 5 sen when it settles the balance; more than due by card → 400 naming
 * the payment; nothing due → 409), the payment rows and the sale's amounts written together, with
 * the outbox of the order's money. On its own this is the state a crash right after the commit leaves.
 */
export async function commitPosPayment(container: MedusaContainer, request: BalancePaymentRequest): Promise<BalancePaymentOutcome> {
  return retryOnKeyRace(() => sqlConnection(container).transaction(async (trx): Promise<BalancePaymentOutcome> => {
    const sale = await lockSaleForChange(trx, request.sale_id);
    const earlier = await paymentsOfKey(trx, request.idempotency_key);
    const decision = decideKeyedChange(earlier, request.request_hash);
    if (decision === "reused") throw keyReused("payment");
    if (decision === "replay") return { sale_id: request.sale_id, payment_ids: earlier!.ids, outbox_ids: [], replayed: true };

    const due = Number(sale.balance_due_sen);
    if (due <= 0) throw posConflict("nothing_due", `Sale ${String(sale.receipt_number)} is fully paid`);
    const settlement = settlePayments(due, request.payments);
    if (!settlement.ok) {
      const first = settlement.errors[0]!;
      throw posInvalid(`Invalid request: ${first.field}: ${first.message}`, { field: first.field, errors: settlement.errors });
    }
    const shiftId = await openShiftId(trx, String(sale.register_id));
    const payments = plannedPayments(settlement, request.payments.map((p) => p.reference ?? null)).map((p, n) => ({
      id: generateEntityId(undefined, "ppay"), sale_id: request.sale_id, stage: "balance", method: p.method, amount_sen: p.amount_sen,
      tendered_sen: p.tendered_sen, change_sen: p.change_sen, cash_rounding_sen: p.cash_rounding_sen, reference: p.reference, shift_id: shiftId,
      idempotency_key: tenderKey(request.idempotency_key, n), request_hash: request.request_hash, received_by: request.received_by, received_at: new Date(),
    }));
    await trx("pos_payment").insert(payments);
    const change = balancePaymentChange(due, settlement);
    await trx.raw(
      `UPDATE pos_sale SET paid_sen = paid_sen + ?, balance_due_sen = balance_due_sen + ?, tendered_sen = tendered_sen + ?, change_sen = change_sen + ?,
         cash_rounding_sen = cash_rounding_sen + ?, rounded_total_sen = rounded_total_sen + ?, updated_at = now() WHERE id = ?`,
      [change.paid_sen, change.balance_due_sen, change.tendered_sen, change.change_sen, change.cash_rounding_sen, change.rounded_total_sen, request.sale_id]);
    const outboxIds = await writeSaleOutbox(trx, request.sale_id, payments.map((p) => ({
      task: "order_money" as const, reference_id: p.id, payload: { amount_sen: p.amount_sen, reference: `pos_${p.method}` },
    })));
    return { sale_id: request.sale_id, payment_ids: payments.map((p) => p.id), outbox_ids: outboxIds, replayed: false };
  }));
}

/**
 * A balance payment, crash-safe: committed in one transaction, then its order money added from
 * the outbox (each order transaction carries its payment's id, so a rerun adds nothing twice). A
 * replay finishes what a crash left of its outbox; the recovery job finishes the rest.
 */
export async function recordPosPayment(container: MedusaContainer, request: BalancePaymentRequest): Promise<BalancePaymentOutcome> {
  await finishCheckoutIfAbandoned(container, request.sale_id);
  const outcome = await commitPosPayment(container, request);
  if (outcome.replayed) await finishSaleOutboxOf(container, outcome.payment_ids);
  else await runHeldSaleOutbox(container, outcome.outbox_ids);
  // For live updates only (best effort): the payment is committed whether or not this is heard.
  if (!outcome.replayed) {
    await container.resolve(Modules.EVENT_BUS).emit({ name: LIVE_EVENTS.posSalePaid, data: { id: request.sale_id } }).catch(() => undefined);
  }
  return outcome;
}
