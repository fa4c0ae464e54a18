// Balance payments under crashes: each till owns one sale with a balance due and pays it off in
// small card payments, each sent twice at once with one idempotency key, while commerce is
// SIGKILLed and restarted. Afterwards: one payment row per key, no payment lost, every sale's paid
// and balance amounts equal to its payment rows, and (once the recovery had its time) every payment
// carried by exactly one transaction of the sale's Medusa order, no outbox row left open.
import { pricedCatalogueItem } from "../catalogue.mjs";
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant, ledgerInvariant, settle } from "../invariants.mjs";

const SERVICE_SKU = "SVC-DIAG";
const PAYMENT_SEN = 100;

async function openSale(ctx, item, key, till, payments) {
  const quantity = Math.ceil((payments * PAYMENT_SEN) / item.price_sen) + 1;
  const answer = await ctx.call(ctx.actors.cashier, "POST", "/admin/pos/checkout", {
    idempotency_key: key, register_id: `chaos-pay-till-${till + 1}`, lines: [{ variant_id: item.variant_id, quantity }],
    payments: [], allow_balance_due: true,
  });
  if (answer.status !== 201 || !(answer.json.sale.balance_due_sen >= payments * PAYMENT_SEN)) {
    throw new Error(`opening a sale with a balance → ${answer.status}: ${JSON.stringify(answer.json).slice(0, 200)}`);
  }
  return answer.json.sale.id;
}

export default {
  name: "pos-payment",
  needs: ["commerce"],
  kills: ["commerce"],
  retryCodes: ["sale_in_progress"],
  resultOf: (json) => json?.sale?.id ?? null,

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const item = await pricedCatalogueItem(ctx, SERVICE_SKU);
    const prefix = `chaos-${ctx.runId}-pay-`;
    const saleIds = [];
    for (let till = 0; till < tills; till++) saleIds.push(await openSale(ctx, item, `${prefix}open-t${till + 1}`, till, sales));
    ctx.state.payment = { prefix, saleIds };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => {
    const { prefix, saleIds } = ctx.state.payment;
    return Array.from({ length: ctx.opts.sales }, (_, n) => {
      const key = `${prefix}t${i + 1}-p${n + 1}`;
      return {
        key, actor: ctx.actors.cashier, method: "POST", path: `/admin/pos/sales/${saleIds[i]}/payments`, copies: 2,
        body: { idempotency_key: key, payments: [{ method: "card", amount_sen: PAYMENT_SEN, reference: `chaos-${n + 1}` }] },
      };
    });
  },

  async check(ctx, outcome) {
    const { prefix, saleIds } = ctx.state.payment;
    const sales = saleIds.map(literal).join(",");
    // The order money a crash interrupted is finished by the recovery job: give it the settle time first.
    const openOutbox = await settle(() => ctx.sql.count(`SELECT count(*) FROM pos_outbox WHERE done_at IS NULL AND deleted_at IS NULL AND sale_id IN (${sales})`),
      ctx.opts.settleSeconds * 1000);
    const paidKeys = outcome.records.filter((r) => r.results.size > 0).map((r) => r.key);
    const rows = ctx.sql.rows(`SELECT idempotency_key FROM pos_payment WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`);
    const perKey = new Map();
    for (const [key] of rows) perKey.set(key.replace(/:\d+$/, ""), (perKey.get(key.replace(/:\d+$/, "")) ?? 0) + 1);
    const duplicates = [...perKey.values()].filter((n) => n > 1).length;
    const lost = paidKeys.filter((key) => !perKey.has(key)).length;
    // A sale's amounts must be what its payment rows say (no payment row without its amounts, and back).
    const moneyOff = ctx.sql.count(`SELECT count(*) FROM pos_sale s WHERE s.id IN (${sales})
      AND (s.paid_sen <> (SELECT COALESCE(SUM(p.amount_sen), 0) FROM pos_payment p WHERE p.sale_id = s.id AND p.deleted_at IS NULL)
        OR s.balance_due_sen <> s.rounded_total_sen - s.paid_sen)`);
    // Each balance payment is one transaction on the order, carrying the payment's id, for its amount.
    const orderMoneyOff = ctx.sql.count(`SELECT count(*) FROM pos_payment p JOIN pos_sale s ON s.id = p.sale_id
      WHERE p.deleted_at IS NULL AND p.stage = 'balance' AND p.sale_id IN (${sales})
        AND (SELECT count(*) FROM order_transaction t WHERE t.reference_id = p.id AND t.order_id = s.order_id AND t.deleted_at IS NULL
             AND round(t.amount * 100) = p.amount_sen) <> 1`);
    const paid = ctx.sql.count(`SELECT COALESCE(SUM(amount_sen), 0) FROM pos_payment WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`);
    const expectedSen = outcome.records.length * PAYMENT_SEN;
    const ledger = await ledgerInvariant(ctx);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (duplicates) failures.push(`${duplicates} key(s) with more than one payment`);
    if (lost) failures.push(`${lost} payment(s) answered to a till but not in the database`);
    if (paid !== expectedSen) failures.push(`payments total ${paid} sen, expected ${expectedSen} sen (${outcome.records.length} × ${PAYMENT_SEN})`);
    if (moneyOff) failures.push(`${moneyOff} sale(s) whose paid/balance amounts differ from their payment rows`);
    if (orderMoneyOff) failures.push(`${orderMoneyOff} payment(s) not carried by exactly one order transaction of their amount`);
    if (openOutbox) failures.push(`${openOutbox} outbox row(s) still open ${ctx.opts.settleSeconds} s after the clients finished`);
    for (const check of [ledger, integrity]) if (check.failure) failures.push(check.failure);
    return {
      columns: {
        sales: `${perKey.size} paid/${outcome.records.length}`, duplicates, lost, "stuck claims": openOutbox,
        "orphan movements": "n/a", "money off": moneyOff, "order money off": orderMoneyOff, ledger: ledger.text, integrity: integrity.text,
      },
      failures,
    };
  },
};
