// Returns under crashes: each till owns earlier sales of a stocked item (card and cash) and returns
// them one unit at a time, most back to stock, each return sent twice at once with one idempotency
// key, while commerce is SIGKILLed and restarted. Afterwards: one return per key, none lost, every
// sale's refunded amount and returned quantities equal to its return rows, one restock movement
// per restocking return, and (once the recovery had its time) each refund carried by exactly one
// transaction of the sale's order and one `pos.refund` audit row, no outbox row left open, on-hand
// == ledger and the integrity report clean.
import { pricedCatalogueItem } from "../catalogue.mjs";
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant, ledgerInvariant, settle } from "../invariants.mjs";

const ITEM_SKU = "ACC-USBC-1M";
const CASH_NOTE_SEN = 5_000_000;

async function topUpStock(ctx, sku, units) {
  const inventoryItemId = ctx.sql.value(`SELECT id FROM inventory_item WHERE sku = ${literal(sku)} AND deleted_at IS NULL LIMIT 1`);
  const answer = await ctx.call(ctx.actors.manager, "POST", "/admin/inventory/adjustments", {
    inventory_item_id: inventoryItemId, reason: "found", quantity: units, note: "Chaos run stock",
  });
  if (answer.status !== 201) throw new Error(`stock top-up of ${sku} → ${answer.status}: ${JSON.stringify(answer.json).slice(0, 200)}`);
}

/**
 * A sale of `units` of the item that the till then returns unit by unit: paid in cash at the
 * checkout, or sold with the balance due and paid by card afterwards (so its refunds follow a
 * balance payment).
 */
async function sell(ctx, item, key, till, units, method) {
  const cash = method === "cash";
  const sold = await ctx.call(ctx.actors.cashier, "POST", "/admin/pos/checkout", {
    idempotency_key: key, register_id: `chaos-return-till-${till + 1}`, lines: [{ variant_id: item.variant_id, quantity: units }],
    payments: cash ? [{ method: "cash", amount_sen: CASH_NOTE_SEN }] : [], allow_balance_due: !cash,
  });
  if (sold.status !== 201) throw new Error(`selling ${units} × ${ITEM_SKU} → ${sold.status}: ${JSON.stringify(sold.json).slice(0, 200)}`);
  const sale = sold.json.sale;
  if (!cash) {
    const paid = await ctx.call(ctx.actors.cashier, "POST", `/admin/pos/sales/${sale.id}/payments`, {
      idempotency_key: `${key}-card`, payments: [{ method: "card", amount_sen: sale.balance_due_sen, reference: "chaos-card" }],
    });
    if (paid.status !== 201) throw new Error(`paying the sale by card → ${paid.status}: ${JSON.stringify(paid.json).slice(0, 200)}`);
  }
  return { id: sale.id, line_id: sale.lines[0].id };
}

export default {
  name: "pos-return",
  needs: ["commerce"],
  kills: ["commerce"],
  retryCodes: ["sale_in_progress"],
  resultOf: (json) => json?.sale?.id ?? null,

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const item = await pricedCatalogueItem(ctx, ITEM_SKU);
    await topUpStock(ctx, ITEM_SKU, tills * (sales + 1) + 10);
    const prefix = `chaos-${ctx.runId}-ret-`;
    const tillSales = [];
    for (let till = 0; till < tills; till++) {
      // One unit more than is returned: a cash total rounded down by a sen or two leaves the last unit's share unrefundable.
      tillSales.push(await sell(ctx, item, `${prefix}sale-t${till + 1}`, till, sales + 1, till % 2 === 0 ? "card" : "cash"));
    }
    // One unit per return; about one in four stays off the shelf (damaged).
    const bodies = tillSales.map((sale, till) => Array.from({ length: sales }, (_, n) => {
      const restock = ctx.rng.next() >= 0.25;
      return {
        idempotency_key: `${prefix}t${till + 1}-r${n + 1}`, lines: [{ line_id: sale.line_id, quantity: 1 }], restock,
        reason: restock ? "Changed mind" : "Damaged",
      };
    }));
    ctx.state.ret = { prefix, saleIds: tillSales.map((s) => s.id), bodies };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => ctx.state.ret.bodies[i].map((body) => ({
    key: body.idempotency_key, actor: ctx.actors.cashier, method: "POST", path: `/admin/pos/sales/${ctx.state.ret.saleIds[i]}/returns`, body, copies: 2,
  })),

  async check(ctx, outcome) {
    const { prefix, saleIds, bodies } = ctx.state.ret;
    const sales = saleIds.map(literal).join(",");
    const runReturns = `SELECT * FROM pos_return WHERE deleted_at IS NULL AND sale_id IN (${sales}) AND starts_with(idempotency_key, ${literal(prefix)})`;
    const openOutbox = await settle(() => ctx.sql.count(`SELECT count(*) FROM pos_outbox WHERE done_at IS NULL AND deleted_at IS NULL AND sale_id IN (${sales})`),
      ctx.opts.settleSeconds * 1000);

    const rows = ctx.sql.rows(`SELECT idempotency_key, restock FROM (${runReturns}) r`);
    const perKey = new Map();
    for (const [key] of rows) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    const duplicates = [...perKey.values()].filter((n) => n > 1).length;
    const returnedKeys = outcome.records.filter((r) => r.results.size > 0).map((r) => r.key);
    const lost = returnedKeys.filter((key) => !perKey.has(key)).length;
    const expected = outcome.records.length;
    // refunded_sen = the sale's return rows; returned quantities = the units its returns name.
    const refundOff = ctx.sql.count(`SELECT count(*) FROM pos_sale s WHERE s.id IN (${sales})
      AND s.refunded_sen <> (SELECT COALESCE(SUM(r.refund_sen), 0) FROM pos_return r WHERE r.sale_id = s.id AND r.deleted_at IS NULL)`);
    const quantityOff = ctx.sql.count(`SELECT count(*) FROM pos_sale_line l WHERE l.sale_id IN (${sales}) AND l.deleted_at IS NULL
      AND l.returned_quantity <> (SELECT COALESCE(SUM((x->>'quantity')::int), 0) FROM pos_return r, jsonb_array_elements(r.lines) x
        WHERE r.sale_id = l.sale_id AND r.deleted_at IS NULL AND x->>'line_id' = l.id)`);
    // One `return` movement of one unit per restocking return, none for the others.
    const restockOff = ctx.sql.count(`SELECT count(*) FROM pos_sale s WHERE s.id IN (${sales})
      AND (SELECT COALESCE(SUM(m.quantity_delta), 0) FROM stock_movement m WHERE m.reference_type = 'pos_return' AND m.reference_id = s.id AND m.deleted_at IS NULL)
       <> (SELECT count(*) FROM pos_return r WHERE r.sale_id = s.id AND r.restock AND r.deleted_at IS NULL)`);
    const orderMoneyOff = ctx.sql.count(`SELECT count(*) FROM (${runReturns}) r JOIN pos_sale s ON s.id = r.sale_id
      WHERE (SELECT count(*) FROM order_transaction t WHERE t.reference_id = r.id AND t.order_id = s.order_id AND t.deleted_at IS NULL
             AND round(t.amount * 100) = -r.refund_sen) <> 1`);
    const auditOff = ctx.sql.count(`SELECT count(*) FROM (${runReturns}) r
      WHERE (SELECT count(*) FROM audit_entry a WHERE a.action = 'pos.refund' AND a.entity_id = r.sale_id AND a.metadata->>'return_id' = r.id) <> 1`);
    const ledger = await ledgerInvariant(ctx);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (perKey.size !== expected) failures.push(`returns: database has ${perKey.size} keys with a return, expected ${expected}`);
    if (duplicates) failures.push(`${duplicates} key(s) with more than one return`);
    if (lost) failures.push(`${lost} return(s) answered to a till but not in the database`);
    if (refundOff) failures.push(`${refundOff} sale(s) whose refunded_sen differs from their return rows`);
    if (quantityOff) failures.push(`${quantityOff} line(s) whose returned quantity differs from their return rows`);
    if (restockOff) failures.push(`${restockOff} sale(s) whose restock movements differ from their restocking returns`);
    if (orderMoneyOff) failures.push(`${orderMoneyOff} refund(s) not carried by exactly one order transaction of their amount`);
    if (auditOff) failures.push(`${auditOff} refund(s) without exactly one pos.refund audit row`);
    if (openOutbox) failures.push(`${openOutbox} outbox row(s) still open ${ctx.opts.settleSeconds} s after the clients finished`);
    for (const check of [ledger, integrity]) if (check.failure) failures.push(check.failure);
    const restocking = bodies.flat().filter((b) => b.restock).length;
    return {
      columns: {
        returns: `${perKey.size}/${expected} (${restocking} restocked)`, duplicates, lost, "stuck claims": openOutbox,
        "refund off": refundOff + quantityOff, "restock off": restockOff, "order money off": orderMoneyOff, "audit off": auditOff,
        ledger: ledger.text, integrity: integrity.text,
      },
      failures,
    };
  },
};
