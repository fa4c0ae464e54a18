import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { decideRepairQuoteWorkflow } from "@voltura/plugin-repair/workflows";
import { settle, type StaffHeaders } from "./helpers";
import { billingStaff, newJob, seedBillingFixture, stockAt, type BillingFixture } from "./repair-billing.fixtures";

medusaIntegrationTestRunner({
  dbName: "voltura_it_billing_quote",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders, cashier: StaffHeaders, manager: StaffHeaders;
    beforeAll(async () => void (fx = await seedBillingFixture(getContainer())));
    beforeEach(async () => void ({ tech, cashier, manager } = await billingStaff(getContainer())));

    /** A pending job with a screen, its labour and the diagnostic fee on the bench. */
    async function quotedJob() {
      const job = await newJob(api, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      const sent = await api.post(`/admin/repair-jobs/${job.id}/quote/send`, { note: "Customer asked for OEM" }, tech);
      return { job, sent };
    }

    it("freezes the lines as quote v1 and moves the job to Awaiting Approval", async () => {
      const { job, sent } = await quotedJob();
      const quote = sent.data.billing.quote;
      expect(quote).toMatchObject({ version: 1, status: "sent", sent_by: "Test technician", sst_rate_bp: 800, prices_include_tax: false });
      expect(quote.lines).toHaveLength(3);
      // 3000 + 35000 + 8000 = 46000, SST 3680.
      expect(quote.totals).toMatchObject({ subtotal_sen: 46000, sst_sen: 3680, total_sen: 49680 });
      const detail = await api.get(`/admin/repair-jobs/${job.id}`, tech);
      expect(detail.data.repair_job.status).toBe("awaiting_approval");
      expect(detail.data.repair_job.status_history.at(-1).note).toContain("Quote v1 sent: RM");

      const again = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech));
      expect(again.status).toBe(409);
      expect(again.data.type).toBe("quote_pending");
      const edit = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", title: "Extra", unit_price_sen: 1000 }, tech));
      expect(edit.status).toBe(409);
      expect(edit.data.type).toBe("quote_pending");
      const removal = await settle(api.delete(`/admin/repair-jobs/${job.id}/lines/${quote.lines[0].id}`, tech));
      expect(removal.status).toBe(409);
    });

    it("approve at the counter: job In Progress, diagnostic fee waived, second decision 409", async () => {
      const { job } = await quotedJob();
      const approved = await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve", note: "Go ahead" }, cashier);
      const billing = approved.data.billing;
      expect(billing.quote).toMatchObject({ status: "approved", decided_by: "Test cashier", decision_channel: "counter", decision_note: "Go ahead" });
      expect(billing.quote.decided_at).not.toBeNull();
      const fee = billing.lines.find((l: { kind: string }) => l.kind === "fee");
      expect(fee).toMatchObject({ waived: true, amount_sen: 0 });
      expect(billing.totals).toMatchObject({ subtotal_sen: 43000, sst_sen: 3440, total_sen: 46440, waived_sen: 3000 });
      expect((await api.get(`/admin/repair-jobs/${job.id}`, tech)).data.repair_job.status).toBe("in_progress");

      const second = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "reject" }, manager));
      expect(second.status).toBe(409);
      expect(second.data).toMatchObject({ type: "quote_decided", status: "approved" });
      expect((await api.get(`/admin/repair-jobs/${job.id}`, tech)).data.repair_job.status).toBe("in_progress");

      // More work found on the bench: a second version is quoted and decided on its own.
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.port, grade: "compatible" }, tech);
      const v2 = await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech);
      expect(v2.data.billing.quotes.map((q: { version: number; status: string }) => [q.version, q.status])).toEqual([[1, "approved"], [2, "sent"]]);
      expect(v2.data.billing.quote.totals).toMatchObject({ subtotal_sen: 44990, sst_sen: 3599, total_sen: 48589 });
      expect((await api.get(`/admin/repair-jobs/${job.id}`, tech)).data.repair_job.status).toBe("awaiting_approval");
    });

    it("keeps the fee when the shop does not waive it on approval", async () => {
      await api.post("/admin/settings", { repair: { waive_diagnostic_fee_on_approval: false } }, manager);
      const { job } = await quotedJob();
      const approved = await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier);
      expect(approved.data.billing.lines.find((l: { kind: string }) => l.kind === "fee").waived).toBe(false);
      await api.post("/admin/settings", { repair: { waive_diagnostic_fee_on_approval: true } }, manager);
    });

    it("reject: job Returned Unrepaired, reserved parts released, the fee still charged", async () => {
      const { job } = await quotedJob();
      expect(await stockAt(getContainer(), fx.inventoryItems.screen!, fx.shop.stockLocationId)).toEqual({ stocked: 2, reserved: 1 });
      const rejected = await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "reject", note: "Too expensive" }, cashier);
      expect(rejected.data.billing.quote.status).toBe("rejected");
      expect(rejected.data.billing.lines.find((l: { kind: string }) => l.kind === "fee").waived).toBe(false);
      expect((await api.get(`/admin/repair-jobs/${job.id}`, tech)).data.repair_job.status).toBe("returned_unrepaired");
      expect(await stockAt(getContainer(), fx.inventoryItems.screen!, fx.shop.stockLocationId)).toEqual({ stocked: 2, reserved: 0 });
      const second = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier));
      expect(second.status).toBe(409);
    });

    it("the same workflow serves WhatsApp: a racing second decision loses with 409 and changes nothing", async () => {
      const { job } = await quotedJob();
      const container = getContainer();
      const decide = (decision: "approve" | "reject", channel: "counter" | "whatsapp") =>
        decideRepairQuoteWorkflow(container).run({ input: { job_id: job.id, decision, channel, decided_by: channel }, throwOnError: false });
      const [a, b] = await Promise.all([decide("approve", "whatsapp"), decide("reject", "counter")]);
      const failures = [a, b].filter((r) => r.errors.length);
      expect(failures).toHaveLength(1);
      expect((failures[0]!.errors[0]!.error as { type?: string }).type).toBe("conflict");
      const billing = (await api.get(`/admin/repair-jobs/${job.id}/billing`, tech)).data.billing;
      const status = (await api.get(`/admin/repair-jobs/${job.id}`, tech)).data.repair_job.status;
      expect(status).toBe(billing.quote.status === "approved" ? "in_progress" : "returned_unrepaired");
      expect(billing.quote.decision_channel).toBe(billing.quote.status === "approved" ? "whatsapp" : "counter");
    });

    it("a technician may not decide at the counter; a cashier may not send quotes; 409 without lines", async () => {
      const job = await newJob(api, tech);
      const empty = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech));
      expect(empty.status).toBe(409);
      expect(empty.data.type).toBe("no_lines");
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, tech);
      expect((await settle(api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, cashier))).status).toBe(403);
      await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech);
      expect((await settle(api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, tech))).status).toBe(403);
      const bad = await settle(api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "maybe" }, cashier));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("decision");
    });
  },
});
