import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { shopYear } from "@voltura/domain";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { newJob, repairJobHasColumn, seedBillingFixture, type BillingFixture } from "./repair-billing.fixtures";

medusaIntegrationTestRunner({
  dbName: "voltura_it_billing_invoice",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders;
    let cashier: StaffHeaders;
    const year = shopYear(new Date());

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
    });

    beforeEach(async () => {
      tech = await newStaffHeaders(getContainer(), "technician");
      cashier = await newStaffHeaders(getContainer(), "cashier");
    });

    /** Screen + fixed labour + waived diagnostic fee, approved, then completed: RM464.40 with SST. */
    async function completedJob(depositSen = 0) {
      const job = await newJob(api, tech);
      if (depositSen) {
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
        await pg.raw(`UPDATE repair_job SET deposit_sen = ? WHERE id = ?`, [depositSen, job.id]);
      }
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech);
      await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier);
      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      return job;
    }

    interface OrderView {
      customer_id: string; sales_channel_id: string; region_id: string; currency_code: string; total: unknown; tax_total: unknown;
      metadata: Record<string, unknown>;
      items?: Array<{ title: string; quantity: unknown; unit_price: unknown; tax_lines?: Array<{ code: string; rate: unknown }> }>;
      transactions?: Array<{ amount: unknown; reference: string }>;
    }

    async function loadOrder(orderId: string): Promise<OrderView> {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY);
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "customer_id", "sales_channel_id", "region_id", "currency_code", "total", "subtotal", "tax_total", "metadata",
          "items.title", "items.quantity", "items.unit_price", "items.tax_lines.rate", "items.tax_lines.code", "transactions.amount", "transactions.reference"],
        filters: { id: orderId },
      });
      const order: OrderView = data[0];
      return order;
    }

    it("completion raises a Medusa order in the Counter channel with the job's lines, SST and an invoice number", async () => {
      const hasDeposit = await repairJobHasColumn(getContainer(), "deposit_sen");
      const deposit = hasDeposit ? 5000 : 0;
      const job = await completedJob(deposit);
      const { invoice } = (await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier)).data.billing;
      expect(invoice).toMatchObject({
        invoice_number: `INV-${year}-000001`, subtotal_sen: 43000, sst_sen: 3440, total_sen: 46440,
        deposit_sen: deposit, amount_due_sen: 46440 - deposit,
      });

      const order = await loadOrder(invoice.order_id);
      expect(order).toMatchObject({ customer_id: job.customer_id, sales_channel_id: fx.shop.counterChannelId, region_id: fx.shop.regionId, currency_code: "myr" });
      expect(Math.round(Number(order.total) * 100)).toBe(invoice.total_sen);
      expect(Math.round(Number(order.tax_total) * 100)).toBe(invoice.sst_sen);
      const items = (order.items ?? []).map((i) => ({ title: i.title, quantity: Number(i.quantity), unit_price: Number(i.unit_price) }));
      expect(items).toEqual(expect.arrayContaining([
        { title: "iPhone 13 Screen (OEM)", quantity: 1, unit_price: 350 },
        { title: "Screen Replacement Labour", quantity: 1, unit_price: 80 },
      ]));
      expect(items).toHaveLength(2); // the waived diagnostic fee is not billed
      const taxLine = order.items![0]!.tax_lines![0]!;
      expect([taxLine.code, Number(taxLine.rate)]).toEqual(["SST", 8]);
      expect(order.metadata.job_number).toBe(job.job_number);
      const depositTx = (order.transactions ?? []).filter((t) => t.reference === "repair_deposit");
      expect(depositTx.map((t) => Number(t.amount))).toEqual(hasDeposit ? [50] : []);

      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY);
      const { data: linked } = await query.graph({ entity: "repair_invoice", fields: ["id", "order.id"], filters: { id: invoice.id } });
      expect((linked[0] as { order?: { id: string } }).order?.id).toBe(invoice.order_id);
      const { data: viaJob } = await query.graph({ entity: "repair_job", fields: ["id", "repair_invoice.invoice_number"], filters: { id: job.id } });
      expect(viaJob[0]).toMatchObject({ repair_invoice: { invoice_number: invoice.invoice_number } });
      const { data: lineJobs } = await query.graph({ entity: "repair_line", fields: ["id", "repair_job.job_number"], filters: { repair_job_id: job.id } });
      expect(lineJobs.map((l) => (l as { repair_job?: { job_number: string } }).repair_job?.job_number)).toEqual([job.job_number, job.job_number, job.job_number]);
    });

    it("numbers concurrent completions without gaps or duplicates", async () => {
      const jobs = [];
      for (let i = 0; i < 5; i++) {
        const job = await newJob(api, tech, ["in_progress"], { model: `Model ${i}` });
        await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", title: "Cleaning", unit_price_sen: 2000 + i }, tech);
        jobs.push(job);
      }
      const results = await Promise.all(jobs.map((j) => api.post(`/admin/repair-jobs/${j.id}/status`, { status: "completed" }, tech)));
      expect(results.every((r) => r.data.repair_job.status === "completed")).toBe(true);
      const numbers = await Promise.all(jobs.map(async (j) => (await api.get(`/admin/repair-jobs/${j.id}/billing`, tech)).data.billing.invoice.invoice_number as string));
      const sequences = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
      expect(sequences).toEqual([1, 2, 3, 4, 5]);
      expect(numbers.every((n) => n.startsWith(`INV-${year}-`))).toBe(true);

      const service = getContainer().resolve("repairBilling") as { allocateInvoiceSequence: (s: string) => Promise<number> };
      const raced = await Promise.all(Array.from({ length: 20 }, () => service.allocateInvoiceSequence("INV-2099")));
      expect([...raced].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("pickup: refuses a shortfall with 400, takes a split payment with cash change, delivers and starts warranties", async () => {
      const job = await completedJob();
      const short = await settle(api.post(`/admin/repair-jobs/${job.id}/pickup`, {
        collected_by: "Aisyah Rahman", payments: [{ method: "card", amount_sen: 30000 }, { method: "cash", amount_sen: 10000 }],
      }, cashier));
      expect(short.status).toBe(400);
      expect(short.data).toMatchObject({ field: "payments", shortfall_sen: 6440, amount_due_sen: 46440 });
      expect(short.data.message).toContain("payments");
      expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.status).toBe("completed");

      const paid = await api.post(`/admin/repair-jobs/${job.id}/pickup`, {
        collected_by: "Aisyah Rahman", collected_by_ic_last4: "1234",
        payments: [{ method: "card", amount_sen: 30000, reference: "APPR 778812" }, { method: "cash", amount_sen: 20000 }],
      }, cashier);
      expect(paid.data).toMatchObject({ paid_sen: 50000, change_sen: 3560 });
      const billing = paid.data.billing;
      expect(billing.payments.map((p: { method: string; amount_sen: number; tendered_sen: number }) => [p.method, p.amount_sen, p.tendered_sen]))
        .toEqual([["card", 30000, 30000], ["cash", 16440, 20000]]);
      expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.status).toBe("delivered");

      const warranties = billing.warranties.map((w: { title: string; warranty_days: number; state: string; days_left: number }) => [w.title, w.warranty_days, w.state, w.days_left]);
      expect(warranties).toEqual(expect.arrayContaining([["iPhone 13 Screen (OEM)", 90, "active", 90], ["Screen Replacement Labour", 30, "active", 30]]));
      expect(warranties).toHaveLength(2);

      const order = await loadOrder(billing.invoice.order_id);
      const received = (order.transactions ?? []).reduce((sum, t) => sum + Math.round(Number(t.amount) * 100), 0);
      expect(received).toBe(billing.invoice.total_sen);
    });

    it("a completed job with an unpaid invoice cannot be delivered through the status route", async () => {
      const job = await completedJob();
      const r = await settle(api.post(`/admin/repair-jobs/${job.id}/status`, { status: "delivered" }, cashier));
      expect(r.status).toBe(409);
      expect(r.data.message).toContain("outstanding");
      expect((await api.get(`/admin/repair-jobs/${job.id}`, cashier)).data.repair_job.status).toBe("completed");
    });

    it("only a completed job can be collected, and technicians do not take money", async () => {
      const job = await newJob(api, tech, ["in_progress"]);
      expect((await settle(api.post(`/admin/repair-jobs/${job.id}/pickup`, { collected_by: "A", payments: [] }, tech))).status).toBe(403);
      const early = await settle(api.post(`/admin/repair-jobs/${job.id}/pickup`, { collected_by: "A", payments: [] }, cashier));
      expect(early.status).toBe(409);
      const bad = await settle(api.post(`/admin/repair-jobs/${job.id}/pickup`, { collected_by: "A", payments: [{ method: "cheque", amount_sen: 1 }] }, cashier));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("payments.0.method");
    });
  },
});
