// The counter-sale storm: T tills × S sales, each sale sent twice at once with one idempotency key
// while commerce is SIGKILLed and restarted. Afterwards: exactly T×S completed sales, one per key,
// each with its Medusa order and its stock movements, no claim left pending, no order or movement
// without a sale, on-hand == ledger, and the integrity report clean.
import { catalogueItem } from "../catalogue.mjs";
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant, ledgerInvariant, settle } from "../invariants.mjs";

/** Seeded items a till may sell: stocked accessories and parts, and services (no stock). */
const CANDIDATE_SKUS = ["ACC-TG-UNIV", "ACC-USBC-1M", "ACC-CHG-20W", "PART-A54-PORT-CMP", "SVC-DIAG", "SVC-LAB-BATT"];
const CASH_NOTE_SEN = 100_000; // RM 1000: more than any cart here, change given back

async function loadSellables(ctx) {
  const found = [];
  for (const sku of CANDIDATE_SKUS) {
    const item = await catalogueItem(ctx, sku);
    if (!item || item.price_sen === null) continue;
    if (item.kind === "product" && !(item.available > 0)) continue;
    found.push(item);
  }
  if (!found.some((i) => i.kind === "product")) throw new Error(`no stocked item among ${CANDIDATE_SKUS.join(", ")} in the seeded catalogue`);
  return found;
}

/** Enough units on the shelf for every sale (at most 2 of an item per sale) through the ledger. */
async function topUpStock(ctx, items, sales) {
  for (const item of items.filter((i) => i.kind === "product")) {
    const inventoryItemId = ctx.sql.value(`SELECT id FROM inventory_item WHERE sku = ${literal(item.sku)} AND deleted_at IS NULL LIMIT 1`);
    const answer = await ctx.call(ctx.actors.manager, "POST", "/admin/inventory/adjustments", {
      inventory_item_id: inventoryItemId, reason: "found", quantity: sales * 2 + 10, note: "Chaos run stock",
    });
    if (answer.status !== 201) throw new Error(`stock top-up of ${item.sku} → ${answer.status}: ${JSON.stringify(answer.json).slice(0, 200)}`);
  }
}

function saleBody(ctx, items, key, till) {
  const count = ctx.rng.int(1, Math.min(3, items.length));
  const chosen = [];
  while (chosen.length < count) {
    const item = ctx.rng.pick(items);
    if (!chosen.includes(item)) chosen.push(item);
  }
  const lines = chosen.map((item) => ({ variant_id: item.variant_id, quantity: item.kind === "product" ? ctx.rng.int(1, 2) : 1 }));
  // Cash alone, or a card part (below any cart's total) with the rest in cash.
  const payments = ctx.rng.next() < 0.5
    ? [{ method: "cash", amount_sen: CASH_NOTE_SEN }]
    : [{ method: "card", amount_sen: 1500, reference: `chaos-card-${key.slice(-8)}` }, { method: "cash", amount_sen: CASH_NOTE_SEN }];
  return { idempotency_key: key, register_id: `chaos-till-${till + 1}`, lines, payments };
}

// Sales of this run, live rows only (compensation soft-deletes).
const runSales = (prefix) => `SELECT * FROM pos_sale WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`;
const ORPHAN_ORDERS = `SELECT count(*) FROM "order" o WHERE o.deleted_at IS NULL AND o.metadata->>'source' = 'pos'
  AND NOT EXISTS (SELECT 1 FROM pos_sale s WHERE s.deleted_at IS NULL AND s.status = 'completed' AND s.order_id = o.id)`;
const ORPHAN_MOVEMENTS = `SELECT count(*) FROM stock_movement m WHERE m.deleted_at IS NULL AND m.reference_type = 'pos_sale'
  AND NOT EXISTS (SELECT 1 FROM pos_sale s WHERE s.deleted_at IS NULL AND s.status = 'completed' AND s.id = m.reference_id)`;

/** Items of the run's completed sales whose sale movements do not add up to the units sold. */
function movementGaps(ctx, prefix) {
  return ctx.sql.count(`WITH expected AS (
      SELECT l.sale_id, l.inventory_item_id, SUM(l.quantity * COALESCE(v.required_quantity, 1)) AS units
      FROM pos_sale_line l JOIN (${runSales(prefix)}) s ON s.id = l.sale_id AND s.status = 'completed'
      LEFT JOIN product_variant_inventory_item v ON v.variant_id = l.variant_id AND v.inventory_item_id = l.inventory_item_id AND v.deleted_at IS NULL
      WHERE l.deleted_at IS NULL AND l.inventory_item_id IS NOT NULL GROUP BY 1, 2),
    moved AS (SELECT reference_id AS sale_id, inventory_item_id, -SUM(quantity_delta) AS units FROM stock_movement
      WHERE deleted_at IS NULL AND reference_type = 'pos_sale' AND kind = 'sale' GROUP BY 1, 2)
    SELECT count(*) FROM expected e LEFT JOIN moved m ON m.sale_id = e.sale_id AND m.inventory_item_id = e.inventory_item_id
    WHERE m.units IS DISTINCT FROM e.units`);
}

export default {
  name: "pos-checkout",
  needs: ["commerce"],
  kills: ["commerce"],
  retryCodes: ["checkout_in_progress", "checkout_retry", "idempotency_key_in_use"],
  resultOf: (json) => json?.sale?.id ?? null,

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const items = await loadSellables(ctx);
    await topUpStock(ctx, items, tills * sales);
    const prefix = `chaos-${ctx.runId}-pos-`;
    const bodies = Array.from({ length: tills }, (_, till) =>
      Array.from({ length: sales }, (_, n) => saleBody(ctx, items, `${prefix}t${till + 1}-s${n + 1}`, till)));
    ctx.state.pos = {
      prefix, bodies, items: items.map((i) => i.sku),
      baseline: { orphanOrders: ctx.sql.count(ORPHAN_ORDERS), orphanMovements: ctx.sql.count(ORPHAN_MOVEMENTS) },
    };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
    ctx.log(`[pos-checkout] selling ${items.map((i) => i.sku).join(", ")}`);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => ctx.state.pos.bodies[i].map((body) => ({
    key: body.idempotency_key, actor: ctx.actors.cashier, method: "POST", path: "/admin/pos/checkout", body, copies: 2,
  })),

  async check(ctx, outcome) {
    const { prefix, baseline } = ctx.state.pos;
    const expected = ctx.opts.tills * ctx.opts.sales;
    // A claim a crash left behind may be finished by recovery: give it the settle time first.
    const stuck = await settle(() => ctx.sql.count(`SELECT count(*) FROM (${runSales(prefix)}) s WHERE s.status <> 'completed'`), ctx.opts.settleSeconds * 1000);
    const rows = ctx.sql.rows(`SELECT s.idempotency_key, s.id, s.status, s.order_id FROM (${runSales(prefix)}) s`);
    const completed = rows.filter(([, , status]) => status === "completed");
    const perKey = new Map();
    for (const [key] of completed) perKey.set(key, (perKey.get(key) ?? 0) + 1);

    const clientSales = outcome.resultIds.size;
    const duplicates = outcome.records.filter((r) => r.results.size > 1).length + [...perKey.values()].filter((n) => n > 1).length;
    // Lost: a till was given a sale that is not the completed sale its key has in the database.
    const saleOfKey = new Map(completed.map(([key, id]) => [key, id]));
    const lost = outcome.records.filter((r) => [...r.results].some((id) => saleOfKey.get(r.key) !== id)).length;
    const withoutOrder = ctx.sql.count(`SELECT count(*) FROM (${runSales(prefix)}) s WHERE s.status = 'completed'
      AND NOT EXISTS (SELECT 1 FROM "order" o WHERE o.id = s.order_id AND o.deleted_at IS NULL)`);
    const orphanOrders = ctx.sql.count(ORPHAN_ORDERS) - baseline.orphanOrders;
    const orphanMovements = ctx.sql.count(ORPHAN_MOVEMENTS) - baseline.orphanMovements;
    const gaps = movementGaps(ctx, prefix);
    const ledger = await ledgerInvariant(ctx);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (clientSales !== expected || completed.length !== expected) failures.push(`sales: clients got ${clientSales}, database has ${completed.length} completed, expected ${expected}`);
    if (duplicates) failures.push(`${duplicates} key(s) with more than one sale`);
    if (lost) failures.push(`${lost} key(s) answered with a sale that is not the completed sale of that key in the database`);
    if (stuck) failures.push(`${stuck} claim(s) still pending ${ctx.opts.settleSeconds} s after the clients finished`);
    if (withoutOrder) failures.push(`${withoutOrder} completed sale(s) without their Medusa order`);
    if (orphanOrders) failures.push(`${orphanOrders} POS order(s) without a completed sale`);
    if (orphanMovements) failures.push(`${orphanMovements} sale movement(s) without a completed sale`);
    if (gaps) failures.push(`${gaps} sold item(s) whose ledger movements do not match the units sold`);
    for (const check of [ledger, integrity]) if (check.failure) failures.push(check.failure);

    return {
      columns: {
        sales: `${clientSales}/${completed.length}/${expected}`,
        duplicates, lost, "stuck claims": stuck,
        "orphan movements": orphanMovements, "movement gaps": gaps, "orphan orders": orphanOrders, "no order": withoutOrder,
        ledger: ledger.text, integrity: integrity.text,
      },
      failures,
    };
  },
};
