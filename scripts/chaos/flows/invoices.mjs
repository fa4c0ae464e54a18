// Counter invoices under crashes: each client creates invoices and pays each one off in two
// payments, every request sent twice at once with one idempotency key, while commerce is SIGKILLed
// and restarted. Afterwards: one invoice per key and one payment per key, the run's INV numbers
// contiguous (no number lost to a crash, none used twice), every invoice's paid amount equal to its
// payment rows and its balance to total − paid, and the integrity report clean.
import { literal } from "../db.mjs";
import { integrityBaseline, integrityInvariant } from "../invariants.mjs";

/** The run's invoices, live rows only. */
const runInvoices = (prefix) => `SELECT * FROM sales_invoice WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`;
const runPayments = (prefix) => `SELECT * FROM sales_invoice_payment WHERE deleted_at IS NULL AND idempotency_key LIKE ${literal(`${prefix}%`)}`;

/** INV counters above the highest number any invoice uses: a number taken and dropped at the end of the series. */
const COUNTERS_AHEAD = `SELECT count(*) FROM number_series c WHERE c.deleted_at IS NULL AND c.id LIKE 'INV-%' AND c.last_value >
  (SELECT COALESCE(MAX(substring(n FROM '\\d+$')::int), 0) FROM (SELECT invoice_number AS n FROM sales_invoice WHERE deleted_at IS NULL
    UNION ALL SELECT invoice_number FROM repair_invoice WHERE deleted_at IS NULL) used WHERE n LIKE c.id || '-%')`;

/** Sequence numbers per series ("INV-2026" → [12, 13, …]) that are missing between the run's lowest and highest. */
function numberGaps(numbers) {
  const bySeries = new Map();
  for (const number of numbers) {
    const match = /^(INV-\d{4})-(\d+)$/.exec(number);
    if (!match) continue;
    bySeries.set(match[1], [...(bySeries.get(match[1]) ?? []), Number(match[2])]);
  }
  let gaps = 0;
  for (const seqs of bySeries.values()) {
    const sorted = [...new Set(seqs)].sort((a, b) => a - b);
    gaps += sorted[sorted.length - 1] - sorted[0] + 1 - sorted.length;
  }
  return gaps;
}

export default {
  name: "invoices",
  needs: ["commerce"],
  kills: ["commerce"],
  resultOf: (json) => json?.payment?.id ?? json?.invoice?.id ?? null,

  async prepare(ctx) {
    const { tills, sales } = ctx.opts;
    const prefix = `chaos-${ctx.runId}-inv-`;
    const plans = Array.from({ length: tills }, (_, till) => Array.from({ length: sales }, (_, n) => {
      const key = `${prefix}t${till + 1}-i${n + 1}`;
      // Not taxable, no discount: the total is the price, so both payments are known up front.
      const price = ctx.rng.int(20, 3000) * 10;
      const first = Math.floor(price / 3);
      return {
        key, price,
        body: {
          idempotency_key: key, buyer: { name: `Chaos buyer ${till + 1}-${n + 1}` }, notes: `Chaos run ${ctx.runId}`,
          lines: [{ description: "Diagnosis and cleaning", kind: "service", quantity: 1, unit_price_sen: price, taxable: false }],
        },
        payments: [
          { idempotency_key: `${key}-p1`, method: "card", amount_sen: first, reference: `chaos-${n + 1}-1` },
          { idempotency_key: `${key}-p2`, method: "cash", amount_sen: price - first },
        ],
      };
    }));
    ctx.state.invoices = { prefix, plans, invoiceIds: new Map(), countersAheadBefore: ctx.sql.count(COUNTERS_AHEAD) };
    ctx.state.integrityBefore = await integrityBaseline(ctx);
  },

  clients: (ctx) => ctx.opts.tills,

  client: (ctx, i) => {
    const { plans, invoiceIds } = ctx.state.invoices;
    /** The invoice a create key made, read from the database once the create has its answer (ops of a client run in order). */
    const invoiceOf = (key) => {
      if (!invoiceIds.has(key)) {
        const id = ctx.sql.value(`SELECT id FROM sales_invoice WHERE idempotency_key = ${literal(key)} AND deleted_at IS NULL`);
        if (!id) return `missing-${key}`;
        invoiceIds.set(key, id);
      }
      return invoiceIds.get(key);
    };
    return plans[i].flatMap((plan) => [
      { key: plan.key, actor: ctx.actors.cashier, method: "POST", path: "/admin/invoicing/invoices", body: plan.body, copies: 2 },
      ...plan.payments.map((body) => ({
        key: body.idempotency_key, actor: ctx.actors.cashier, method: "POST", body, copies: 2,
        get path() {
          return `/admin/invoicing/invoices/${invoiceOf(plan.key)}/payments`;
        },
      })),
    ]);
  },

  async check(ctx, outcome) {
    const { prefix, plans } = ctx.state.invoices;
    const expectedInvoices = ctx.opts.tills * ctx.opts.sales;
    const expectedPayments = expectedInvoices * 2;
    const invoices = ctx.sql.rows(`SELECT i.idempotency_key, i.id, i.invoice_number, i.status FROM (${runInvoices(prefix)}) i`);
    const payments = ctx.sql.rows(`SELECT p.idempotency_key, p.id FROM (${runPayments(prefix)}) p`);
    const rowOfKey = new Map([...invoices, ...payments].map(([key, id]) => [key, id]));
    const perKey = new Map();
    for (const [key] of [...invoices, ...payments]) perKey.set(key, (perKey.get(key) ?? 0) + 1);

    const duplicates = outcome.records.filter((r) => r.results.size > 1).length + [...perKey.values()].filter((n) => n > 1).length;
    // Lost: a client was answered with an invoice or payment that is not the one its key has in the database.
    const lost = outcome.records.filter((r) => [...r.results].some((id) => rowOfKey.get(r.key) !== id)).length;
    const gaps = numberGaps(invoices.map(([, , number]) => number));
    const counterAhead = ctx.sql.count(COUNTERS_AHEAD) - ctx.state.invoices.countersAheadBefore;
    const moneyOff = ctx.sql.count(`SELECT count(*) FROM (${runInvoices(prefix)}) i WHERE i.balance_sen <> i.total_sen - i.paid_sen
      OR i.paid_sen <> (SELECT COALESCE(SUM(p.amount_sen), 0) FROM sales_invoice_payment p WHERE p.invoice_id = i.id AND p.deleted_at IS NULL)`);
    const totalOff = ctx.sql.count(`SELECT count(*) FROM (${runInvoices(prefix)}) i WHERE i.total_sen <> (i.lines -> 0 ->> 'unit_price_sen')::int`);
    const unpaid = invoices.filter(([, , , status]) => status !== "paid").length;
    const paidSen = ctx.sql.count(`SELECT COALESCE(SUM(p.amount_sen), 0) FROM (${runPayments(prefix)}) p`);
    const expectedSen = plans.flat().reduce((sum, plan) => sum + plan.price, 0);
    const integrity = await integrityInvariant(ctx, ctx.state.integrityBefore);

    const failures = [];
    if (invoices.length !== expectedInvoices) failures.push(`invoices: database has ${invoices.length}, expected ${expectedInvoices}`);
    if (payments.length !== expectedPayments) failures.push(`payments: database has ${payments.length}, expected ${expectedPayments}`);
    if (duplicates) failures.push(`${duplicates} key(s) with more than one invoice or payment`);
    if (lost) failures.push(`${lost} key(s) answered with an invoice or payment that is not the one of that key in the database`);
    if (gaps) failures.push(`${gaps} INV number(s) missing between the run's first and last invoice`);
    if (counterAhead) failures.push(`${counterAhead} INV counter(s) ahead of the highest number used`);
    if (moneyOff) failures.push(`${moneyOff} invoice(s) whose paid/balance amounts differ from their payment rows`);
    if (totalOff) failures.push(`${totalOff} invoice(s) whose total is not the price asked for`);
    if (unpaid) failures.push(`${unpaid} invoice(s) not paid in full after both payments`);
    if (paidSen !== expectedSen) failures.push(`payments total ${paidSen} sen, expected ${expectedSen} sen`);
    if (integrity.failure) failures.push(integrity.failure);
    return {
      columns: {
        invoices: `${invoices.length}/${expectedInvoices}`, payments: `${payments.length}/${expectedPayments}`, duplicates, lost,
        "INV gaps": gaps + counterAhead, "money off": moneyOff + totalOff, unpaid, integrity: integrity.text,
      },
      failures,
    };
  },
};
