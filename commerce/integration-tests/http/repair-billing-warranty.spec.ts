import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { settle, type StaffHeaders } from "./helpers";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { billingStaff, newJob, repairJobHasColumn, seedBillingFixture, type BillingFixture } from "./repair-billing.fixtures";

medusaIntegrationTestRunner({
  dbName: "voltura_it_billing_warranty",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders, cashier: StaffHeaders, manager: StaffHeaders;
    beforeAll(async () => void (fx = await seedBillingFixture(getContainer())));
    beforeEach(async () => void ({ tech, cashier, manager } = await billingStaff(getContainer())));

    /** Completes and collects a job with the given lines; answers its billing after pickup. */
    async function deliver(jobId: string, lines: object[]) {
      for (const line of lines) await api.post(`/admin/repair-jobs/${jobId}/lines`, line, tech);
      const status = (await api.get(`/admin/repair-jobs/${jobId}`, tech)).data.repair_job.status;
      if (status === "pending") await api.post(`/admin/repair-jobs/${jobId}/status`, { status: "in_progress" }, tech);
      await api.post(`/admin/repair-jobs/${jobId}/status`, { status: "completed" }, tech);
      const { invoice } = (await api.get(`/admin/repair-jobs/${jobId}/billing`, cashier)).data.billing;
      const payments = invoice?.amount_due_sen ? [{ method: "duitnow_qr", amount_sen: invoice.amount_due_sen }] : [];
      const picked = await api.post(`/admin/repair-jobs/${jobId}/pickup`, { collected_by: "Aisyah", payments }, cashier);
      return picked.data.billing;
    }

    async function deliveredScreenJob(imei?: string) {
      const job = await newJob(api, tech);
      if (imei) {
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
        await pg.raw(`UPDATE repair_job SET imei_serial = ? WHERE id = ?`, [imei, job.id]);
      }
      const billing = await deliver(job.id, [
        { kind: "part", variant_id: fx.variants.screen, grade: "oem" },
        { kind: "labour", variant_id: fx.variants.labour },
      ]);
      const screen = billing.warranties.find((w: { title: string }) => w.title.startsWith("iPhone 13 Screen"));
      return { job, billing, screen };
    }

    it("a claim opens a linked job for the same customer and device, with labour at zero, and never resets the warranty", async () => {
      const { job, screen } = await deliveredScreenJob();
      expect(screen).toMatchObject({ warranty_days: 90, state: "active", days_left: 90, job_number: job.job_number, device: "Apple iPhone 13" });

      const claim = await api.post(`/admin/warranties/${screen.id}/claims`, { issue: "Touch not responding on the left edge" }, cashier);
      expect(claim.status).toBe(201);
      const claimJob = (await api.get(`/admin/repair-jobs/${claim.data.claim_job_id}`, tech)).data.repair_job;
      expect(claimJob).toMatchObject({
        customer_id: job.customer_id, brand: "Apple", model: "iPhone 13", status: "pending",
        issue: `Warranty claim ${job.job_number}: Touch not responding on the left edge`,
      });
      expect(claim.data.warranty.claims.map((c: { claim_job_id: string }) => c.claim_job_id)).toEqual([claimJob.id]);

      const labour = await api.post(`/admin/repair-jobs/${claimJob.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      expect(labour.data.line).toMatchObject({ unit_price_sen: 0, amount_sen: 0, note: "No labour charge: warranty claim" });
      const hourly = await api.post(`/admin/repair-jobs/${claimJob.id}/lines`, { kind: "labour", title: "Re-seat", hours: 1, rate_sen: 6000 }, tech);
      expect(hourly.data.line).toMatchObject({ rate_sen: 0, amount_sen: 0 });
      expect(hourly.data.billing.warranty_claim).toEqual({ warranty_id: screen.id, original_job_id: job.id });

      const claimBilling = await deliver(claimJob.id, [{ kind: "part", variant_id: fx.variants.battery, grade: "original" }]);
      expect(claimBilling.totals).toMatchObject({ subtotal_sen: 16000, sst_sen: 1280, total_sen: 17280 });
      // Only the paid battery carries a new warranty; the free re-repair does not.
      expect(claimBilling.warranties.map((w: { title: string }) => w.title)).toEqual(["iPhone 13 Battery"]);

      const original = (await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier)).data.billing.warranties.find((w: { id: string }) => w.id === screen.id);
      expect(original).toMatchObject({ starts_at: screen.starts_at, ends_at: screen.ends_at, state: "active" });

      const second = await api.post(`/admin/warranties/${screen.id}/claims`, { issue: "Screen flickers" }, cashier);
      expect(second.status).toBe(201);
      expect(second.data.warranty.claims).toHaveLength(2);
      expect(second.data.warranty.ends_at).toBe(screen.ends_at);
    });

    it("a voided warranty refuses claims with the reason; only managers void", async () => {
      const { screen } = await deliveredScreenJob();
      expect((await settle(api.post(`/admin/warranties/${screen.id}/void`, { reason: "water_damage" }, cashier))).status).toBe(403);
      const badReason = await settle(api.post(`/admin/warranties/${screen.id}/void`, { reason: "bad_luck" }, manager));
      expect(badReason.status).toBe(400);
      expect(badReason.data.message).toContain("reason");

      const voided = await api.post(`/admin/warranties/${screen.id}/void`, { reason: "water_damage", note: "Corrosion on the board" }, manager);
      expect(voided.data.warranty).toMatchObject({ state: "void", void_reason: "water_damage", void_note: "Corrosion on the board", voided_by: "Test manager", days_left: 0 });

      const refused = await settle(api.post(`/admin/warranties/${screen.id}/claims`, { issue: "Screen dead" }, cashier));
      expect(refused.status).toBe(409);
      expect(refused.data).toMatchObject({ type: "warranty_void", void_reason: "water_damage" });
      expect(refused.data.message).toContain("water damage");
      const twice = await settle(api.post(`/admin/warranties/${screen.id}/void`, { reason: "physical_damage" }, manager));
      expect(twice.status).toBe(409);
    });

    it("looks warranties up by the customer's phone in any format, with state and days left", async () => {
      const { screen } = await deliveredScreenJob();
      const found = await api.get(`/admin/warranties/lookup?phone=${encodeURIComponent("+60 12-345 6789")}`, cashier);
      expect(found.data.warranties.map((w: { id: string }) => w.id)).toContain(screen.id);
      expect(found.data.warranties.every((w: { customer_phone: string }) => w.customer_phone === "+60123456789")).toBe(true);
      await api.post(`/admin/warranties/${screen.id}/void`, { reason: "opened_by_third_party" }, manager);
      const after = await api.get(`/admin/warranties/lookup?phone=0123456789`, cashier);
      expect(after.data.warranties.find((w: { id: string }) => w.id === screen.id)).toMatchObject({ state: "void", days_left: 0 });

      const nobody = await api.get(`/admin/warranties/lookup?phone=0199999999`, cashier);
      expect(nobody.data.warranties).toEqual([]);
      const none = await settle(api.get(`/admin/warranties/lookup`, cashier));
      expect(none.status).toBe(400);
      const badPhone = await settle(api.get(`/admin/warranties/lookup?phone=12-34567`, cashier));
      expect(badPhone.status).toBe(400);
      expect(badPhone.data.message).toContain("phone");
    });

    it("looks warranties up by the device IMEI when jobs record it", async () => {
      const hasImei = await repairJobHasColumn(getContainer(), "imei_serial");
      const { screen } = await deliveredScreenJob(hasImei ? "356938035643809" : undefined);
      const found = await api.get(`/admin/warranties/lookup?imei=${encodeURIComponent("35-693803-564380 9")}`, cashier);
      const ids = found.data.warranties.map((w: { id: string }) => w.id);
      if (hasImei) {
        expect(ids).toContain(screen.id);
        expect(found.data.warranties.every((w: { imei_serial: string }) => w.imei_serial === "356938035643809")).toBe(true);
      } else {
        expect(ids).toEqual([]);
      }
    });

    it("answers 404 for an unknown warranty", async () => {
      const r = await settle(api.post(`/admin/warranties/rwty_missing/claims`, { issue: "Broken again" }, cashier));
      expect(r.status).toBe(404);
    });
  },
});
