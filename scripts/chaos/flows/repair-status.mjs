// Completions under crashes: T technicians × S jobs, each with a reserved part, moved to Completed
// (each move sent twice at once, retried until answered) while commerce and the Temporal worker are
// SIGKILLed and restarted. Afterwards: every job completed once (one history line), its part
// consumed once (one ledger row, reservation gone), one invoice with its Medusa order per job, the
// INV series without gaps, no effect left due once the recovery had its time (signal, pickup flow,
// order, events), on-hand == ledger and the integrity report clean.
import { catalogueItem } from "../catalogue.mjs";
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant, ledgerInvariant, settle } from "../invariants.mjs";

const PART_SKU = "PART-A54-PORT-CMP";

async function mustCall(ctx, method, path, body, expected) {
  const answer = await ctx.call(ctx.actors.manager, method, path, body);
  if (answer.status !== expected) throw new Error(`${method} ${path} → ${answer.status}: ${JSON.stringify(answer.json).slice(0, 200)}`);
  return answer.json;
}

/** A job in progress with the part reserved for it, made before the kills start. */
async function jobWithPart(ctx, variantId, key, n) {
  const { repair_job: job } = await mustCall(ctx, "POST", "/admin/repair-jobs", {
    idempotency_key: key, customer: { name: "Chaos Bench", phone: `+60188${String(n).padStart(6, "0")}` },
    device_type: "phone", brand: "Samsung", model: "Galaxy A54", issue: "Charging port loose",
  }, 201);
  await mustCall(ctx, "POST", `/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: variantId, grade: "compatible" }, 201);
  await mustCall(ctx, "POST", `/admin/repair-jobs/${job.id}/status`, { status: "in_progress" }, 200);
  return job.id;
}

const inJobs = (ids) => ids.map(literal).join(",");

export default {
  name: "repair-status",
  needs: ["commerce", "worker"],
  kills: ["commerce", "worker"],
  resultOf: (json) => (json?.repair_job?.status === "completed" ? json.repair_job.id : null),

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const part = await catalogueItem(ctx, PART_SKU);
    if (!part) throw new Error(`the seeded catalogue has no ${PART_SKU}`);
    const inventoryItemId = ctx.sql.value(`SELECT id FROM inventory_item WHERE sku = ${literal(PART_SKU)} AND deleted_at IS NULL LIMIT 1`);
    await mustCall(ctx, "POST", "/admin/inventory/adjustments", { inventory_item_id: inventoryItemId, reason: "found", quantity: tills * sales + 5, note: "Chaos run parts" }, 201);
    const prefix = `chaos-${ctx.runId}-status-`;
    const jobIds = [];
    for (let n = 0; n < tills * sales; n++) jobIds.push(await jobWithPart(ctx, part.variant_id, `${prefix}job-${n + 1}`, n));
    ctx.state.status = { jobIds, inventoryItemId, series: `INV-${new Date().getUTCFullYear()}` };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
    ctx.log(`[repair-status] ${jobIds.length} jobs in progress with ${PART_SKU} reserved`);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => ctx.state.status.jobIds.slice(i * ctx.opts.sales, (i + 1) * ctx.opts.sales).map((id) => ({
    key: id, actor: ctx.actors.manager, method: "POST", path: `/admin/repair-jobs/${id}/status`, body: { status: "completed", note: "Chaos completion" }, copies: 2,
  })),

  async check(ctx, outcome) {
    const { jobIds, inventoryItemId } = ctx.state.status;
    const jobs = inJobs(jobIds);
    const stuck = await settle(() => ctx.sql.count(`SELECT count(*) FROM repair_job WHERE id IN (${jobs}) AND outbox <> '[]'::jsonb`), ctx.opts.settleSeconds * 1000);
    const notCompleted = ctx.sql.count(`SELECT count(*) FROM repair_job WHERE id IN (${jobs}) AND status <> 'completed'`);
    const twiceCompleted = ctx.sql.count(`SELECT count(*) FROM (SELECT repair_job_id FROM repair_job_status_change WHERE repair_job_id IN (${jobs})
      AND to_status = 'completed' AND deleted_at IS NULL GROUP BY 1 HAVING count(*) <> 1) t`);
    const consumption = ctx.sql.count(`SELECT count(*) FROM (SELECT j.id FROM repair_job j LEFT JOIN stock_movement m ON m.reference_id = j.id
      AND m.reference_type = 'repair_job' AND m.kind = 'repair_consumption' AND m.deleted_at IS NULL WHERE j.id IN (${jobs})
      GROUP BY j.id HAVING COALESCE(SUM(m.quantity_delta), 0) <> -1) t`);
    const heldReservations = ctx.sql.count(`SELECT count(*) FROM reservation_item r JOIN repair_line l ON l.reservation_id = r.id
      WHERE l.repair_job_id IN (${jobs}) AND r.deleted_at IS NULL`);
    const invoiceMismatch = ctx.sql.count(`SELECT count(*) FROM repair_job j WHERE j.id IN (${jobs})
      AND (SELECT count(*) FROM repair_invoice i WHERE i.repair_job_id = j.id AND i.deleted_at IS NULL) <> 1`);
    const noOrder = ctx.sql.count(`SELECT count(*) FROM repair_invoice i WHERE i.repair_job_id IN (${jobs}) AND i.deleted_at IS NULL
      AND ((SELECT count(*) FROM "order" o WHERE o.metadata->>'repair_invoice_id' = i.id AND o.deleted_at IS NULL) <> 1
        OR NOT EXISTS (SELECT 1 FROM "order" o WHERE o.id = i.order_id AND o.deleted_at IS NULL))`);
    const ledger = await ledgerInvariant(ctx);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (outcome.resultIds.size !== jobIds.length || notCompleted) failures.push(`completed: clients got ${outcome.resultIds.size}, ${notCompleted} of ${jobIds.length} job(s) not completed`);
    if (twiceCompleted) failures.push(`${twiceCompleted} job(s) without exactly one Completed history line`);
    if (consumption) failures.push(`${consumption} job(s) whose part was not consumed exactly once (item ${inventoryItemId})`);
    if (heldReservations) failures.push(`${heldReservations} reservation(s) still held for completed jobs`);
    if (invoiceMismatch) failures.push(`${invoiceMismatch} job(s) without exactly one invoice`);
    if (noOrder) failures.push(`${noOrder} invoice(s) without exactly one Medusa order`);
    if (stuck) failures.push(`${stuck} job(s) with effects still due ${ctx.opts.settleSeconds} s after the clients finished`);
    for (const check of [ledger, integrity]) if (check.failure) failures.push(check.failure);
    return {
      columns: {
        completed: `${outcome.resultIds.size}/${jobIds.length - notCompleted}/${jobIds.length}`, "twice completed": twiceCompleted,
        "consumption off": consumption, "held reservations": heldReservations, "invoice off": invoiceMismatch, "no order": noOrder,
        "effects due": stuck, ledger: ledger.text, integrity: integrity.text,
      },
      failures,
    };
  },
};
