// The intake storm: T counters × S intakes, each sent twice at once with one idempotency key, the
// customers' phones shared between counters, while commerce and the Temporal worker are SIGKILLed
// and restarted. Afterwards: exactly T×S jobs, one per key, the VSH series without gaps, every job
// linked to its customer and (through the CRM hook) to its device, one customer per phone, no
// effect left due once the recovery had its time (so its Temporal workflow was started), and the
// integrity report clean.
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant, settle } from "../invariants.mjs";

const DEVICES = [
  { device_type: "phone", brand: "Apple", model: "iPhone 13" },
  { device_type: "phone", brand: "Samsung", model: "Galaxy A54" },
  { device_type: "laptop", brand: "Lenovo", model: "ThinkPad T14" },
  { device_type: "tablet", brand: "Apple", model: "iPad Air" },
];

const runJobs = (prefix) => `SELECT * FROM repair_job WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`;

/** Job numbers of the year's VSH series not used exactly once up to its counter. */
function numberGaps(ctx, series) {
  return ctx.sql.count(`SELECT count(*) FROM generate_series(1, COALESCE((SELECT last_value FROM number_series WHERE id = ${literal(series)}), 0)) n
    WHERE (SELECT count(*) FROM repair_job j WHERE j.job_number = ${literal(`${series}-`)} || lpad(n::text, 6, '0')) <> 1`);
}

export default {
  name: "repair-intake",
  needs: ["commerce", "worker"],
  kills: ["commerce", "worker"],
  resultOf: (json) => json?.repair_job?.id ?? null,

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const prefix = `chaos-${ctx.runId}-intake-`;
    // Few phones for many intakes: counters find-or-create the same new customers at the same time.
    const phones = Array.from({ length: Math.max(2, Math.ceil((tills * sales) / 4)) }, (_, i) => `+6019${String(ctx.rng.int(0, 9999)).padStart(4, "0")}${String(i).padStart(3, "0")}`);
    const bodies = Array.from({ length: tills }, (_, till) => Array.from({ length: sales }, (_, n) => {
      const device = ctx.rng.pick(DEVICES);
      return {
        idempotency_key: `${prefix}c${till + 1}-j${n + 1}`, ...device, customer: { name: `Chaos Customer ${n % 7}`, phone: ctx.rng.pick(phones) },
        issue: `Chaos intake ${till + 1}/${n + 1}: no power`, priority: ctx.rng.pick(["normal", "high", "low"]),
      };
    }));
    ctx.state.intake = { prefix, bodies, phones, series: `VSH-${new Date().getUTCFullYear()}` };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => ctx.state.intake.bodies[i].map((body) => ({
    key: body.idempotency_key, actor: ctx.actors.manager, method: "POST", path: "/admin/repair-jobs", body, copies: 2,
  })),

  async check(ctx, outcome) {
    const { prefix, phones, series } = ctx.state.intake;
    const expected = ctx.opts.tills * ctx.opts.sales;
    // Effects a crash interrupted (CRM hook, Temporal start, events) are finished by the recovery job.
    const stuck = await settle(() => ctx.sql.count(`SELECT count(*) FROM (${runJobs(prefix)}) j WHERE j.outbox <> '[]'::jsonb`), ctx.opts.settleSeconds * 1000);
    const rows = ctx.sql.rows(`SELECT j.idempotency_key, j.id FROM (${runJobs(prefix)}) j`);
    const perKey = new Map();
    for (const [key] of rows) perKey.set(key, (perKey.get(key) ?? 0) + 1);
    const jobOfKey = new Map(rows.map(([key, id]) => [key, id]));
    const duplicates = outcome.records.filter((r) => r.results.size > 1).length + [...perKey.values()].filter((n) => n > 1).length;
    const lost = outcome.records.filter((r) => [...r.results].some((id) => jobOfKey.get(r.key) !== id)).length;
    const noCustomer = ctx.sql.count(`SELECT count(*) FROM (${runJobs(prefix)}) j WHERE NOT EXISTS
      (SELECT 1 FROM customer_customer_repair_repair_job l JOIN customer c ON c.id = l.customer_id AND c.phone = j.customer_phone WHERE l.repair_job_id = j.id AND l.deleted_at IS NULL)`);
    const noDevice = ctx.sql.count(`SELECT count(*) FROM (${runJobs(prefix)}) j WHERE NOT EXISTS
      (SELECT 1 FROM crm_device_repair_repair_job l WHERE l.repair_job_id = j.id AND l.deleted_at IS NULL)`);
    const twinCustomers = ctx.sql.count(`SELECT count(*) FROM (SELECT phone FROM customer WHERE deleted_at IS NULL AND phone IN (${phones.map(literal).join(",")})
      GROUP BY phone HAVING count(*) > 1) t`);
    const gaps = numberGaps(ctx, series);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (outcome.resultIds.size !== expected || rows.length !== expected) failures.push(`jobs: clients got ${outcome.resultIds.size}, database has ${rows.length}, expected ${expected}`);
    if (duplicates) failures.push(`${duplicates} key(s) with more than one job`);
    if (lost) failures.push(`${lost} key(s) answered with a job that is not the job of that key in the database`);
    if (stuck) failures.push(`${stuck} job(s) with effects still due ${ctx.opts.settleSeconds} s after the clients finished`);
    if (noCustomer) failures.push(`${noCustomer} job(s) without the customer ↔ job link`);
    if (noDevice) failures.push(`${noDevice} job(s) without their CRM device`);
    if (twinCustomers) failures.push(`${twinCustomers} phone(s) with more than one customer`);
    if (gaps) failures.push(`${gaps} job number(s) of ${series} missing or used twice`);
    if (integrity.failure) failures.push(integrity.failure);
    return {
      columns: {
        jobs: `${outcome.resultIds.size}/${rows.length}/${expected}`, duplicates, lost, "effects due": stuck,
        "no link": noCustomer, "no device": noDevice, "twin customers": twinCustomers, "number gaps": gaps, integrity: integrity.text,
      },
      failures,
    };
  },
};
