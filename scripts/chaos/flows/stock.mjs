// Stock writes under crashes: each client alternates stock adjustments of seeded items and receipts
// of one unit against its own purchase order, every request sent twice at once with one idempotency
// key, while commerce is SIGKILLed and restarted. Afterwards: one movement per adjustment key with
// the delta its body asked for, one receipt row per receipt key, every order received exactly as
// ordered (its lines, its receipt movements and its status agree), on-hand == ledger, integrity clean.
import { literal } from "../db.mjs";
import { mustCall } from "../http.mjs";
import { integrityBaseline, integrityInvariant, ledgerInvariant } from "../invariants.mjs";

/** Seeded stocked items the clients adjust and order. */
const CANDIDATE_SKUS = ["ACC-TG-UNIV", "ACC-USBC-1M", "ACC-CHG-20W", "PART-A54-PORT-CMP", "PART-IP11-BAT-ORI"];

/** What an adjustment body moves (damage takes out, found puts back, a correction is signed). */
const deltaOf = (body) => (body.reason === "correction" ? body.quantity : body.reason === "found" ? body.quantity : -body.quantity);

function adjustmentBody(ctx, items, key) {
  const reason = ctx.rng.pick(["found", "damage", "correction"]);
  const size = ctx.rng.int(1, 3);
  const quantity = reason === "correction" && ctx.rng.next() < 0.5 ? -size : size;
  return { idempotency_key: key, inventory_item_id: ctx.rng.pick(items).id, reason, quantity, note: "Chaos run count" };
}

/** One purchase order per client with one line of `units`, sent (ready to receive). */
async function openOrder(ctx, supplierId, item, units) {
  const { purchase_order: po } = await mustCall(ctx.call, ctx.actors.manager, "POST", "/admin/inventory/purchase-orders", {
    supplier_id: supplierId, note: "Chaos run order", lines: [{ inventory_item_id: item.id, quantity: units, unit_cost_sen: 500 + ctx.rng.int(0, 500) }],
  });
  await mustCall(ctx.call, ctx.actors.manager, "POST", `/admin/inventory/purchase-orders/${po.id}/send`, {});
  return { id: po.id, lineId: po.lines[0].id, units };
}

export default {
  name: "stock",
  needs: ["commerce"],
  kills: ["commerce"],
  resultOf: (json) => json?.adjustment?.id ?? json?.purchase_order?.id ?? null,

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const items = ctx.sql.rows(`SELECT id, sku FROM inventory_item WHERE deleted_at IS NULL AND sku IN (${CANDIDATE_SKUS.map(literal).join(",")})`)
      .map(([id, sku]) => ({ id, sku }));
    if (!items.length) throw new Error(`none of ${CANDIDATE_SKUS.join(", ")} in the seeded inventory`);
    const prefix = `chaos-${ctx.runId}-stock-`;
    const receiptsPerClient = Math.floor(sales / 2);
    const { supplier } = await mustCall(ctx.call, ctx.actors.manager, "POST", "/admin/inventory/suppliers", { name: `Chaos Supplier ${ctx.runId}` });
    const orders = [];
    for (let c = 0; c < tills; c++) orders.push(receiptsPerClient ? await openOrder(ctx, supplier.id, ctx.rng.pick(items), receiptsPerClient) : null);
    // Odd operations receive one unit of the client's order, even ones adjust stock.
    const ops = orders.map((order, c) => Array.from({ length: sales }, (_, n) => {
      const key = `${prefix}c${c + 1}-${n % 2 ? "r" : "a"}${n + 1}`;
      if (n % 2 && order) {
        return { key, kind: "receipt", order: order.id, path: `/admin/inventory/purchase-orders/${order.id}/receive`, body: { idempotency_key: key, lines: [{ line_id: order.lineId, quantity: 1 }] } };
      }
      return { key, kind: "adjustment", path: "/admin/inventory/adjustments", body: adjustmentBody(ctx, items, key) };
    }));
    ctx.state.stock = { prefix, orders: orders.filter(Boolean), ops };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
    ctx.log(`[stock] adjusting ${items.map((i) => i.sku).join(", ")}; ${orders.filter(Boolean).length} order(s) of ${receiptsPerClient} unit(s)`);
  },

  clients: (ctx) => ctx.opts.tills,

  // A stock entry is quick: a manager's pause between two entries lets the kills land while clients still send.
  client: (ctx, i) => ctx.state.stock.ops[i].map((op) => ({
    key: op.key, actor: ctx.actors.manager, method: "POST", path: op.path, body: op.body, copies: 2, pauseMs: ctx.rng.int(400, 900),
  })),

  async check(ctx, outcome) {
    const { prefix, orders, ops } = ctx.state.stock;
    const all = ops.flat();
    const adjustments = all.filter((op) => op.kind === "adjustment");
    const receipts = all.filter((op) => op.kind === "receipt");
    const like = literal(`${prefix}%`);

    const movements = new Map();
    for (const [key, id, delta] of ctx.sql.rows(`SELECT idempotency_key, id, quantity_delta FROM stock_movement WHERE deleted_at IS NULL AND idempotency_key LIKE ${like}`)) {
      movements.set(key, [...(movements.get(key) ?? []), { id, delta: Number(delta) }]);
    }
    const receiptRows = new Map();
    for (const [key] of ctx.sql.rows(`SELECT idempotency_key FROM purchase_order_receipt WHERE deleted_at IS NULL AND idempotency_key LIKE ${like}`)) {
      receiptRows.set(key, (receiptRows.get(key) ?? 0) + 1);
    }
    const answered = new Map(outcome.records.map((r) => [r.key, r]));
    const duplicates = [...movements.values()].filter((rows) => rows.length > 1).length + [...receiptRows.values()].filter((n) => n > 1).length;
    // Lost: a client was answered, but its key has no row (or the adjustment it was given is not the key's row).
    const lostAdjustments = adjustments.filter((op) => {
      const results = [...(answered.get(op.key)?.results ?? [])];
      const rows = movements.get(op.key) ?? [];
      return results.length > 0 && (rows.length === 0 || results.some((id) => !rows.some((row) => row.id === id)));
    }).length;
    const lostReceipts = receipts.filter((op) => (answered.get(op.key)?.results.size ?? 0) > 0 && !receiptRows.has(op.key)).length;
    const wrongDelta = adjustments.filter((op) => (movements.get(op.key) ?? []).some((row) => row.delta !== deltaOf(op.body))).length;

    // Every order received exactly as ordered: line, receipt movements and status agree.
    const ordersOff = orders.length ? ctx.sql.count(`SELECT count(*) FROM purchase_order p JOIN purchase_order_line l ON l.purchase_order_id = p.id AND l.deleted_at IS NULL
      WHERE p.id IN (${orders.map((o) => literal(o.id)).join(",")})
        AND (l.quantity_received <> l.quantity_ordered OR p.status <> 'received'
          OR l.quantity_received <> (SELECT COALESCE(SUM(m.quantity_delta), 0) FROM stock_movement m
            WHERE m.deleted_at IS NULL AND m.kind = 'receipt' AND m.reference_id = p.id AND m.inventory_item_id = l.inventory_item_id)
          OR l.quantity_received <> (SELECT count(*) FROM purchase_order_receipt r WHERE r.deleted_at IS NULL AND r.purchase_order_id = p.id))`) : 0;
    const ledger = await ledgerInvariant(ctx);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (movements.size !== adjustments.length) failures.push(`adjustments: ${movements.size} key(s) with a movement, expected ${adjustments.length}`);
    if (receiptRows.size !== receipts.length) failures.push(`receipts: ${receiptRows.size} key(s) with a receipt, expected ${receipts.length}`);
    if (duplicates) failures.push(`${duplicates} key(s) booked more than once`);
    if (lostAdjustments + lostReceipts) failures.push(`${lostAdjustments + lostReceipts} key(s) answered to a client but not (or not as answered) in the database`);
    if (wrongDelta) failures.push(`${wrongDelta} adjustment(s) whose movement differs from what the body asked for`);
    if (ordersOff) failures.push(`${ordersOff} purchase order line(s) not received exactly as ordered (lines, receipt movements, receipts, status)`);
    for (const check of [ledger, integrity]) if (check.failure) failures.push(check.failure);

    return {
      columns: {
        adjustments: `${movements.size}/${adjustments.length}`, receipts: `${receiptRows.size}/${receipts.length}`,
        duplicates, lost: lostAdjustments + lostReceipts, "wrong delta": wrongDelta, "orders off": ordersOff,
        ledger: ledger.text, integrity: integrity.text,
      },
      failures,
    };
  },
};
