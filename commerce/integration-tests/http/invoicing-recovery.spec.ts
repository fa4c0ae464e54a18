import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { shopYear } from "@voltura/domain";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { quotationBody } from "./invoicing-helpers";

type Rows = { rows: Array<Record<string, unknown>> };
type Pg = {
  raw(sql: string, bindings?: unknown[]): Promise<Rows>;
  transaction<T>(work: (trx: { raw(sql: string, bindings?: unknown[]): Promise<Rows> }) => Promise<T>): Promise<T>;
};
type Answer = Awaited<ReturnType<typeof settle>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Invoices under races, same-key retries and crashes inside the transaction: one INV series, no gaps, money adding up. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_invoicing_recovery",
  testSuite: ({ api, getContainer }) => {
    let cashier: StaffHeaders;
    let manager: StaffHeaders;
    const series = `INV-${shopYear(new Date())}`;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    let keys = 0;
    const newKey = (label: string) => `it-${label}-${Date.now().toString(36)}-${++keys}`;
    const sequenceOf = (invoiceNumber: string) => Number(invoiceNumber.slice(series.length + 1));
    const numberAt = (n: number) => `${series}-${String(n).padStart(6, "0")}`;

    const counter = async () => Number((await pg().raw(`SELECT last_value FROM number_series WHERE id = ?`, [series])).rows[0]?.last_value ?? 0);
    const invoicesUnder = async (key: string) => (await pg().raw(`SELECT id FROM sales_invoice WHERE idempotency_key = ? AND deleted_at IS NULL`, [key])).rows;
    const createInvoice = (body: Record<string, unknown>) => settle(api.post("/admin/invoicing/invoices", body, cashier));
    const pay = (invoiceId: string, body: Record<string, unknown>) => settle(api.post(`/admin/invoicing/invoices/${invoiceId}/payments`, body, cashier));
    const convert = (quotationId: string) => settle(api.post(`/admin/invoicing/quotations/${quotationId}/convert`, {}, cashier));
    const newQuotation = async (over: Record<string, unknown> = {}) => (await api.post("/admin/invoicing/quotations", quotationBody(over), cashier)).data.quotation;

    beforeEach(async () => {
      cashier = await newStaffHeaders(getContainer(), "cashier");
      manager = await newStaffHeaders(getContainer(), "manager");
    });

    /** Every scenario ends here: the INV series used once without gaps, and each invoice's amounts equal to its payment rows. */
    async function expectConsistent() {
      const report = (await api.get("/admin/integrity", manager)).data as { checks: Array<{ name: string; ok: boolean; breaches: unknown[] }> };
      expect(report.checks.find((c) => c.name === "invoice_numbers_unique_and_continuous")).toMatchObject({ ok: true, breaches: [] });
      const { rows: moneyOff } = await pg().raw(
        `SELECT s.invoice_number FROM sales_invoice s WHERE s.deleted_at IS NULL AND (s.balance_sen <> s.total_sen - s.paid_sen OR s.paid_sen > s.total_sen
           OR s.paid_sen <> (SELECT COALESCE(SUM(p.amount_sen), 0) FROM sales_invoice_payment p WHERE p.invoice_id = s.id AND p.deleted_at IS NULL))`);
      expect(moneyOff).toEqual([]);
    }

    it("20 concurrent converts and creates take 20 contiguous numbers; the second convert of each quotation takes none", async () => {
      const quotations = await Promise.all(Array.from({ length: 10 }, () => newQuotation()));
      const before = await counter();
      const converts = quotations.flatMap((q) => [convert(q.id), convert(q.id)]);
      const creates = Array.from({ length: 10 }, (_, i) => createInvoice({ ...quotationBody(), idempotency_key: newKey(`burst-${i}`) }));
      const [converted, created] = await Promise.all([Promise.all(converts), Promise.all(creates)]);

      quotations.forEach((q, i) => {
        const pair = [converted[2 * i]!, converted[2 * i + 1]!];
        expect(pair.map((a) => a.status).sort()).toEqual([201, 409]);
        const won = pair.find((a) => a.status === 201)!;
        expect(won.data.quotation).toMatchObject({ id: q.id, status: "converted", converted_invoice_id: won.data.invoice.id });
        expect(pair.find((a) => a.status === 409)!.data).toMatchObject({ type: "not_convertible", converted_invoice_id: won.data.invoice.id });
      });
      expect(created.map((a) => a.status)).toEqual(Array(10).fill(201));
      const numbers = [...converted.filter((a) => a.status === 201), ...created].map((a: Answer) => sequenceOf(a.data.invoice.invoice_number as string));
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
      expect(await counter()).toBe(before + 20);
      await expectConsistent();
    });

    it("replays a create with the same key (also 5 copies at once) and refuses the key for another body", async () => {
      const key = newKey("replay");
      const body = { ...quotationBody(), idempotency_key: key };
      const first = await createInvoice(body);
      expect(first).toMatchObject({ status: 201, data: { replayed: false } });
      const afterFirst = await counter();
      const again = await createInvoice(body);
      expect(again).toMatchObject({ status: 201, data: { replayed: true, invoice: { id: first.data.invoice.id, invoice_number: first.data.invoice.invoice_number } } });

      const copiesKey = newKey("copies");
      const copies = await Promise.all(Array.from({ length: 5 }, () => createInvoice({ ...quotationBody(), idempotency_key: copiesKey })));
      expect(copies.map((a) => a.status)).toEqual(Array(5).fill(201));
      expect(new Set(copies.map((a) => a.data.invoice.id)).size).toBe(1);
      expect(copies.filter((a) => a.data.replayed === false)).toHaveLength(1);
      expect(await invoicesUnder(copiesKey)).toHaveLength(1);
      expect(await counter()).toBe(afterFirst + 1);

      const reused = await createInvoice({ ...body, due_days: 30 });
      expect(reused.status).toBe(409);
      expect(reused.data).toMatchObject({ code: "idempotency_key_reused", field: "idempotency_key" });
      expect(await invoicesUnder(key)).toHaveLength(1);
      expect(await counter()).toBe(afterFirst + 1);
      await expectConsistent();
    });

    it("a failure inside the transaction after the number is taken leaves no invoice and no gap; the retry takes that number", async () => {
      await pg().raw(`CREATE OR REPLACE FUNCTION it_fail_after_number() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'simulated crash after taking %', NEW.invoice_number; END $$ LANGUAGE plpgsql`);
      await pg().raw(`CREATE TRIGGER it_fail_after_number BEFORE INSERT ON sales_invoice FOR EACH ROW
        WHEN (NEW.notes = 'crash here') EXECUTE FUNCTION it_fail_after_number()`);
      const before = await counter();
      const key = newKey("crash");
      const body = { ...quotationBody(), notes: "crash here", idempotency_key: key };
      try {
        const crashed = await createInvoice(body);
        expect(crashed.status).toBeGreaterThanOrEqual(500);
        expect(await invoicesUnder(key)).toEqual([]);
        expect(await counter()).toBe(before);
        await expectConsistent();
      } finally {
        await pg().raw(`DROP TRIGGER IF EXISTS it_fail_after_number ON sales_invoice`);
      }
      const retried = await createInvoice(body);
      expect(retried).toMatchObject({ status: 201, data: { replayed: false, invoice: { invoice_number: numberAt(before + 1) } } });
      await expectConsistent();
    });

    it("a convert whose database session dies after taking the number, while writing the invoice, leaves the quotation open and no gap", async () => {
      const quotation = await newQuotation();
      const before = await counter();
      let stopped: Answer | undefined;
      // Hold the number the convert will take in an uncommitted row: its invoice INSERT waits on the unique index,
      // with the number taken and the quotation locked, until its session is terminated.
      await pg().transaction(async (trx) => {
        await trx.raw(`INSERT INTO sales_invoice (id, invoice_number, status, buyer, lines, subtotal_sen, discount_sen, sst_sen, total_sen, balance_sen,
            prices_include_tax, issued_at, created_by) VALUES ('sinv_it_blocker', ?, 'unpaid', '{}', '[]', 0, 0, 0, 0, 0, false, now(), 'it')`, [numberAt(before + 1)]);
        const pending = convert(quotation.id).then((a) => (stopped = a));
        let pid: number | undefined;
        for (let i = 0; i < 100 && !pid; i++) {
          await sleep(50);
          const { rows } = await trx.raw(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO sales_invoice%' AND pid <> pg_backend_pid()`);
          pid = rows[0] ? Number(rows[0].pid) : undefined;
        }
        expect(pid).toBeDefined();
        await trx.raw(`SELECT pg_terminate_backend(?)`, [pid]);
        await pending;
        await trx.raw(`DELETE FROM sales_invoice WHERE id = 'sinv_it_blocker'`);
      });
      expect(stopped!.status).toBeGreaterThanOrEqual(500);
      expect(await counter()).toBe(before);
      const { rows: invoices } = await pg().raw(`SELECT id FROM sales_invoice WHERE quotation_id = ?`, [quotation.id]);
      expect(invoices).toEqual([]);
      expect((await api.get(`/admin/invoicing/quotations/${quotation.id}`, cashier)).data.quotation).toMatchObject({ status: "draft", converted_invoice_id: null });

      const converted = await convert(quotation.id);
      expect(converted.status).toBe(201);
      expect(converted.data.invoice.invoice_number).toBe(numberAt(before + 1));
      await expectConsistent();
    });

    it("concurrent payments never overpay; copies of one keyed payment record one; a reused key is a 409", async () => {
      const { invoice } = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data;
      const quarter = invoice.total_sen / 4;
      expect(Number.isInteger(quarter)).toBe(true);
      const race = await Promise.all(Array.from({ length: 8 }, (_, i) => pay(invoice.id, { method: "card", amount_sen: quarter, idempotency_key: newKey(`quarter-${i}`) })));
      expect(race.map((a) => a.status).sort()).toEqual([201, 201, 201, 201, 400, 400, 400, 400]);
      for (const refused of race.filter((a) => a.status === 400)) expect(refused.data).toMatchObject({ field: "amount_sen" });
      expect((await api.get(`/admin/invoicing/invoices/${invoice.id}`, cashier)).data.invoice).toMatchObject({ status: "paid", paid_sen: invoice.total_sen, balance_sen: 0 });

      const other = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data.invoice;
      const key = newKey("deposit");
      const deposit = { method: "bank_transfer", amount_sen: 30_000, reference: "FT-IT-1", idempotency_key: key };
      const copies = await Promise.all(Array.from({ length: 5 }, () => pay(other.id, deposit)));
      expect(copies.map((a) => a.status)).toEqual(Array(5).fill(201));
      expect(new Set(copies.map((a) => a.data.payment.id)).size).toBe(1);
      expect(copies.filter((a) => a.data.replayed === false)).toHaveLength(1);
      const { rows } = await pg().raw(`SELECT id FROM sales_invoice_payment WHERE idempotency_key = ?`, [key]);
      expect(rows).toHaveLength(1);
      expect(copies[0]!.data.invoice).toMatchObject({ status: "partially_paid", paid_sen: 30_000, balance_sen: other.total_sen - 30_000 });

      const reused = await pay(other.id, { ...deposit, amount_sen: 20_000 });
      expect(reused).toMatchObject({ status: 409, data: { code: "idempotency_key_reused", field: "idempotency_key" } });
      expect((await pay(invoice.id, deposit)).status).toBe(409);
      const rest = await pay(other.id, { method: "cash", amount_sen: other.total_sen - 30_000, idempotency_key: newKey("rest") });
      expect(rest.data.invoice).toMatchObject({ status: "paid", balance_sen: 0 });
      // A late retry of the deposit, after the invoice is paid in full, still answers the deposit (not "already paid").
      const late = await pay(other.id, deposit);
      expect(late).toMatchObject({ status: 201, data: { replayed: true, payment: { id: copies[0]!.data.payment.id, amount_sen: 30_000 } } });
      await expectConsistent();
    });
  },
});
