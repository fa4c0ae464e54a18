#!/usr/bin/env node
// `npm run seed:scale`: five years of a busy shop on top of the demo shop, written through SQL
// (INSERT … SELECT over generate_series), not the HTTP API: 100k customers with CRM profiles and
// devices, 200k repair jobs with history, quotes, invoices, payments and warranties, 1M WhatsApp
// messages, 300k counter sales with their orders and ledger rows, 50k purchase-order lines, four years
// of monthly WhatsApp campaigns (about 1M recipients, one campaign of 50k, with their messages). Every
// number series continues its counter, on-hand stays equal to the ledger. Deterministic (rows come
// from hashes of their number) and idempotent: each step is one transaction and is skipped when its
// first row exists, so a second run adds nothing and a broken run resumes.
// Options: --scale <factor> (default 1), --until <YYYY-MM-DD> (end of the history, default today),
// --check (run the integrity check afterwards), --check-only. Database: DATABASE_URL, else the dev
// database (scripts/lib/env.mjs).
import { devEnv } from "./lib/env.mjs";
import { log, fail } from "./lib/log.mjs";
import { checkGivenDatabase } from "./lib/services.mjs";
import { readShop } from "./seed-scale/context.mjs";
import { customersStep } from "./seed-scale/customers.mjs";
import { runIntegrity } from "./seed-scale/integrity.mjs";
import { readOptions, sizes } from "./seed-scale/options.mjs";
import { posSalesStep } from "./seed-scale/pos-sales.mjs";
import { purchasingStep } from "./seed-scale/purchasing.mjs";
import { repairBillingStep } from "./seed-scale/repair-billing.mjs";
import { repairJobsStep } from "./seed-scale/repair-jobs.mjs";
import { database } from "./seed-scale/sql.mjs";
import { conciergeInboxStep, whatsappStep } from "./seed-scale/whatsapp.mjs";
import { campaignsStep } from "./seed-scale/campaigns.mjs";

/** In dependency order: jobs pick customers and devices, billing reads jobs, purchasing covers what the sales sold. */
const STEPS = [customersStep, repairJobsStep, repairBillingStep, whatsappStep, conciergeInboxStep, posSalesStep, purchasingStep, campaignsStep];
const ANALYZE = ["customer", "customer_profile", "device", "repair_job", "repair_job_status_change", "repair_line", "repair_quote", "repair_invoice",
  "repair_payment", "repair_warranty", "whatsapp_message", "whatsapp_contact", "concierge_conversation", "concierge_handoff", "pos_sale", "pos_sale_line", "pos_payment", "\"order\"",
  "order_line_item", "order_item", "stock_movement", "purchase_order", "purchase_order_line", "inventory_level", "campaign", "campaign_recipient"];

const seconds = (ms) => (ms / 1000).toFixed(1);

/** The scale and end day of an earlier run (stored on its first customer), or null. */
function earlierRun(db) {
  const row = db.rows(`SELECT metadata ->> 'seed_scale', metadata ->> 'seed_until' FROM customer WHERE id = 'cus_scale_00000001'`)[0];
  return row ? { scale: Number(row[0]), until: row[1] } : null;
}

/** Per-table timings from the step's `mark` rows (clock_timestamp() after each statement). */
function timings(output, startedAt) {
  const marks = output.filter((r) => r[0] === "mark");
  let previous = startedAt;
  return marks.map(([, table, at]) => {
    const t = Date.parse(at.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"));
    const row = { table, seconds: seconds(t - previous) };
    previous = t;
    return row;
  });
}

async function seed(db, opts) {
  const earlier = earlierRun(db);
  if (earlier && (earlier.scale !== opts.scale || earlier.until !== opts.until)) {
    log("seed", `an earlier run used --scale ${earlier.scale} --until ${earlier.until}: continuing with those`);
    Object.assign(opts, earlier);
  }
  const pending = STEPS.filter((step) => db.value(step.marker) !== "t");
  if (!pending.length) {
    log("seed", `already seeded at scale ${opts.scale} (until ${opts.until}): nothing to add`);
    return;
  }
  const shop = readShop(db);
  const size = sizes(opts.scale);
  log("seed", `scale ${opts.scale}, history until ${opts.until}: ${Object.entries(size).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  const total = Date.now();
  const summary = [];
  for (const step of STEPS) {
    if (!pending.includes(step)) {
      log("seed", `${step.name}: already there, skipped`);
      continue;
    }
    const started = Date.now();
    const dbStart = Date.parse(db.value(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`));
    const output = db.transaction(step.script({ size, until: opts.until, scale: opts.scale, shop }));
    const took = Date.now() - started;
    log("seed", `${step.name}: ${seconds(took)} s`);
    for (const [name, count] of output.filter((r) => r[0] !== "mark")) console.log(`    ${name}${Number(count) ? `: ${count}` : ""}`);
    console.table(timings(output, dbStart));
    summary.push({ step: step.name, seconds: seconds(took) });
  }
  const analyzed = Date.now();
  db.rows(`ANALYZE ${ANALYZE.join(", ")}`);
  summary.push({ step: "analyze", seconds: seconds(Date.now() - analyzed) });
  summary.push({ step: "total", seconds: seconds(Date.now() - total) });
  console.table(summary);
}

async function check(databaseUrl) {
  log("seed", "integrity check (the checks of GET /admin/integrity, run on the database)");
  const { ok, results } = await runIntegrity(databaseUrl);
  console.table(results);
  if (!ok) fail("the integrity check found breaches");
  log("seed", "integrity: clean");
}

async function main() {
  const opts = readOptions(process.argv.slice(2));
  const { DATABASE_URL: databaseUrl } = devEnv();
  await checkGivenDatabase(databaseUrl);
  const db = database(databaseUrl);
  log("seed", `database ${new URL(databaseUrl).pathname.slice(1)}`);
  if (!opts.checkOnly) await seed(db, opts);
  if (opts.check || opts.checkOnly) await check(databaseUrl);
}

main().catch((error) => fail(error.message ?? String(error)));
