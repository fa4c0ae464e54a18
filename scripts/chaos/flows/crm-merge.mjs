// Customer merges under crashes: T clients × S pairs (a primary with a device and a note; a duplicate
// with tags, a note, a device and, when intake answers, a repair job), each merge sent twice at once
// with one idempotency key while commerce is SIGKILLed and restarted. Afterwards every pair is merged
// exactly once and completely: the duplicate deleted with one merge record, every record of both
// customers owned by the primary, the duplicate owning nothing live, one "Merged …" note.
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant } from "../invariants.mjs";
import { mustCall } from "../http.mjs";

/** A merge answers in a fraction of a second: paced like a manager working the duplicates list, so kills land mid-run. */
const PACE_MS = 1500;

const phoneOf = (kind, client, n) => `+601${kind === "primary" ? 2 : 3}${String(2000000 + client * 1000 + n).padStart(7, "0")}`;

async function makePair(ctx, client, n) {
  const { call, actors } = ctx;
  const tag = `c${client + 1}p${n + 1}`;
  const primary = (await mustCall(call, actors.cashier, "POST", "/admin/crm/customers", { name: `Chaos Primary ${tag}`, phone: phoneOf("primary", client, n) })).customer.id;
  const duplicate = (await mustCall(call, actors.cashier, "POST", "/admin/crm/customers", { name: `Chaos Dup ${tag}`, phone: phoneOf("duplicate", client, n) })).customer.id;
  const records = [];
  records.push(`device:${(await mustCall(call, actors.cashier, "POST", `/admin/crm/customers/${primary}/devices`, { device_type: "phone", brand: "Apple", model: "iPhone 12" })).device.id}`);
  records.push(`note:${(await mustCall(call, actors.cashier, "POST", `/admin/crm/customers/${primary}/notes`, { body: `Primary note ${tag}` })).note.id}`);
  await mustCall(call, actors.manager, "POST", `/admin/crm/customers/${duplicate}`, { customer_type: "corporate", tags: ["chaos"] });
  records.push(`note:${(await mustCall(call, actors.cashier, "POST", `/admin/crm/customers/${duplicate}/notes`, { body: `Duplicate note ${tag}` })).note.id}`);
  records.push(`device:${(await mustCall(call, actors.cashier, "POST", `/admin/crm/customers/${duplicate}/devices`, { device_type: "tablet", brand: "Samsung", model: "Tab S9" })).device.id}`);
  const job = await call(actors.cashier, "POST", "/admin/repair-jobs", {
    customer: { name: `Chaos Dup ${tag}`, phone: phoneOf("duplicate", client, n) }, device_type: "laptop", brand: "Lenovo", model: "T14", issue: "No power",
  });
  if (job.status === 201 && job.json?.repair_job?.customer_id === duplicate) records.push(`job:${job.json.repair_job.id}`);
  return { primary, duplicate, records };
}

/** Everything a customer owns through the CRM and repair links (live rows only). */
function ownedBy(ctx, customerId) {
  const id = literal(customerId);
  return new Set(ctx.sql.rows(`
    SELECT 'device:' || l.device_id FROM customer_customer_crm_device l JOIN device d ON d.id = l.device_id AND d.deleted_at IS NULL
      WHERE l.customer_id = ${id} AND l.deleted_at IS NULL
    UNION ALL SELECT 'job:' || repair_job_id FROM customer_customer_repair_repair_job WHERE customer_id = ${id} AND deleted_at IS NULL
    UNION ALL SELECT 'note:' || n.id FROM customer_customer_crm_customer_profile l
      JOIN customer_profile p ON p.id = l.customer_profile_id AND p.deleted_at IS NULL
      JOIN customer_note n ON n.profile_id = p.id AND n.deleted_at IS NULL AND n.body NOT LIKE 'Merged %'
      WHERE l.customer_id = ${id} AND l.deleted_at IS NULL`).map(([r]) => r));
}

export default {
  name: "crm-merge",
  needs: ["commerce"],
  kills: ["commerce"],
  resultOf: (json) => json?.merged?.duplicate_id ?? null,

  async prepare(ctx) {
    const pairs = [];
    for (let client = 0; client < ctx.opts.tills; client++) {
      const mine = [];
      for (let n = 0; n < ctx.opts.sales; n++) mine.push(await makePair(ctx, client, n));
      pairs.push(mine);
    }
    const jobs = pairs.flat().filter((p) => p.records.some((r) => r.startsWith("job:"))).length;
    ctx.log(`[crm-merge] ${pairs.flat().length} pairs, ${jobs} with a repair job of the duplicate`);
    ctx.state.merge = { prefix: `chaos-${ctx.runId}-merge-`, pairs };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => {
    const { prefix, pairs } = ctx.state.merge;
    return pairs[i].map((pair, n) => {
      const key = `${prefix}c${i + 1}-p${n + 1}`;
      return {
        key, actor: ctx.actors.manager, method: "POST", path: `/admin/crm/customers/${pair.primary}/merge`, copies: 2, pauseMs: PACE_MS,
        body: { duplicate_id: pair.duplicate, idempotency_key: key },
      };
    });
  },

  async check(ctx) {
    const { prefix, pairs } = ctx.state.merge;
    const all = pairs.flat();
    let merged = 0;
    let half = 0;
    let lost = 0;
    let extraNotes = 0;
    for (const pair of all) {
      const records = ctx.sql.count(`SELECT count(*) FROM customer_merge WHERE deleted_at IS NULL AND primary_id = ${literal(pair.primary)} AND duplicate_id = ${literal(pair.duplicate)}`);
      const deleted = ctx.sql.count(`SELECT count(*) FROM customer WHERE id = ${literal(pair.duplicate)} AND deleted_at IS NOT NULL`);
      const primary = ownedBy(ctx, pair.primary);
      const duplicate = ownedBy(ctx, pair.duplicate);
      const done = records === 1 && deleted === 1 && duplicate.size === 0;
      const untouched = records === 0 && deleted === 0;
      if (done) merged += 1;
      else if (!untouched) half += 1;
      lost += pair.records.filter((r) => !primary.has(r) && !duplicate.has(r)).length;
      const notes = ctx.sql.count(`SELECT count(*) FROM customer_customer_crm_customer_profile l JOIN customer_note n ON n.profile_id = l.customer_profile_id
        WHERE l.customer_id = ${literal(pair.primary)} AND l.deleted_at IS NULL AND n.deleted_at IS NULL AND n.body LIKE 'Merged %'`);
      if (notes > (done ? 1 : 0)) extraNotes += 1;
    }
    const keyRows = ctx.sql.count(`SELECT count(*) FROM customer_merge WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (half) failures.push(`${half} pair(s) half merged`);
    if (merged !== all.length) failures.push(`${all.length - merged} pair(s) not merged although every key was sent until answered`);
    if (lost) failures.push(`${lost} record(s) owned by neither customer of their pair`);
    if (extraNotes) failures.push(`${extraNotes} primary customer(s) with more than one merge note`);
    if (keyRows !== merged) failures.push(`${keyRows} merge record(s) for ${merged} merged pair(s)`);
    if (integrity.failure) failures.push(integrity.failure);
    return {
      columns: { pairs: `${merged} merged/${all.length}`, "half merged": half, lost, "extra merge notes": extraNotes, "merge rows": keyRows, integrity: integrity.text },
      failures,
    };
  },
};
