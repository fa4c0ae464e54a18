import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { newJob, reservationsOf, seedBillingFixture, stockAt, type BillingFixture } from "./repair-billing.fixtures";

medusaIntegrationTestRunner({
  dbName: "voltura_it_billing_lines",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders;
    let cashier: StaffHeaders;

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
    });

    beforeEach(async () => {
      tech = await newStaffHeaders(getContainer(), "technician");
      cashier = await newStaffHeaders(getContainer(), "cashier");
    });

    const screenStock = () => stockAt(getContainer(), fx.inventoryItems.screen!, fx.shop.stockLocationId);

    it("reserves a part, releases it on removal, reserves again and consumes it on completion", async () => {
      const job = await newJob(api, tech, ["in_progress"]);
      const added = await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      expect(added.status).toBe(201);
      expect(added.data.line).toMatchObject({
        kind: "part", title: "iPhone 13 Screen (OEM)", sku: "T-IP13-LCD", grade: "oem", quantity: 1, unit_price_sen: 35000,
        amount_sen: 35000, warranty_days: 90, stock_location_id: fx.shop.stockLocationId,
      });
      expect(added.data.line.reservation_id).toMatch(/^resitem_/);
      expect(await screenStock()).toEqual({ stocked: 2, reserved: 1 });

      const removed = await api.delete(`/admin/repair-jobs/${job.id}/lines/${added.data.line.id}`, tech);
      expect(removed.data.billing.lines).toHaveLength(0);
      expect(await screenStock()).toEqual({ stocked: 2, reserved: 0 });
      expect(await reservationsOf(getContainer(), fx.inventoryItems.screen!)).toHaveLength(0);

      const again = await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "original", unit_price_sen: 39900 }, tech);
      expect(again.data.line.unit_price_sen).toBe(39900);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      expect(await screenStock()).toEqual({ stocked: 2, reserved: 1 });

      const done = await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      expect(done.data.repair_job.status).toBe("completed");
      expect(await screenStock()).toEqual({ stocked: 1, reserved: 0 });
      expect(await reservationsOf(getContainer(), fx.inventoryItems.screen!)).toHaveLength(0);
      const billing = await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier);
      expect(billing.data.billing.lines.find((l: { kind: string }) => l.kind === "part").consumed_at).not.toBeNull();
    });

    it("refuses a part with 409 and the available quantity when stock is short", async () => {
      const first = await newJob(api, tech, ["in_progress"]);
      await api.post(`/admin/repair-jobs/${first.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      const second = await newJob(api, tech, ["in_progress"], { model: "iPhone 13 mini" });
      const short = await settle(api.post(`/admin/repair-jobs/${second.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem", quantity: 2 }, tech));
      expect(short.status).toBe(409);
      expect(short.data).toMatchObject({ type: "insufficient_stock", available: 1, requested: 2, field: "quantity" });
      expect(short.data.message).toContain("1 available");
      expect(await screenStock()).toEqual({ stocked: 2, reserved: 1 });
      const billing = await api.get(`/admin/repair-jobs/${second.id}/billing`, tech);
      expect(billing.data.billing.lines).toHaveLength(0);
    });

    it("prices labour by hours × rate, by a service variant or as free text, and the diagnostic fee from settings", async () => {
      const job = await newJob(api, tech, ["in_progress"]);
      const hourly = await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", title: "Board-level repair", hours: 1.5, rate_sen: 6000 }, tech);
      expect(hourly.data.line).toMatchObject({ hours: 1.5, rate_sen: 6000, amount_sen: 9000, warranty_days: 30 });
      const service = await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      expect(service.data.line).toMatchObject({ title: "Screen Replacement Labour", unit_price_sen: 8000, amount_sen: 8000, reservation_id: null });
      const text = await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", title: "Data backup", unit_price_sen: 5000, taxable: false }, tech);
      expect(text.data.line).toMatchObject({ amount_sen: 5000, taxable: false });
      const fee = await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, tech);
      expect(fee.data.line).toMatchObject({ kind: "fee", fee_type: "diagnostic", title: "Diagnostic fee", amount_sen: 3000, warranty_days: 0 });
      // 9000 + 8000 + 3000 taxable → SST 8% = 1600; 5000 not taxable.
      expect(fee.data.billing.totals).toMatchObject({ subtotal_sen: 25000, taxable_sen: 20000, sst_sen: 1600, total_sen: 26600 });
    });

    it("answers 400 naming the field for bad lines, 404 for an unknown job, 409 for a closed job", async () => {
      const job = await newJob(api, tech);
      const noGrade = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.battery }, tech));
      expect(noGrade.status).toBe(400);
      expect(noGrade.data.message).toContain("grade");
      const halfLabour = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", title: "x", hours: 2 }, tech));
      expect(halfLabour.status).toBe(400);
      expect(halfLabour.data.message).toContain("rate_sen");
      const badKind = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "discount" }, tech));
      expect(badKind.status).toBe(400);
      expect(badKind.data.message).toContain("kind");
      const unknownVariant = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: "variant_nope", grade: "oem" }, tech));
      expect(unknownVariant.status).toBe(400);
      expect(unknownVariant.data.message).toContain("variant_id");
      const missing = await settle(api.post(`/admin/repair-jobs/rjob_missing/lines`, { kind: "fee" }, tech));
      expect(missing.status).toBe(404);

      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "cancelled" }, tech);
      const closed = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, tech));
      expect(closed.status).toBe(409);
      expect(closed.data.type).toBe("job_closed");
    });

    it("releases reserved parts when the job is cancelled", async () => {
      const job = await newJob(api, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem", quantity: 2 }, tech);
      expect(await screenStock()).toEqual({ stocked: 2, reserved: 2 });
      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "cancelled" }, tech);
      expect(await screenStock()).toEqual({ stocked: 2, reserved: 0 });
    });

    it("lets a cashier read billing but not change lines", async () => {
      const job = await newJob(api, tech);
      const read = await api.get(`/admin/repair-jobs/${job.id}/billing`, cashier);
      expect(read.data.billing).toMatchObject({ repair_job_id: job.id, lines: [], quote: null, invoice: null, payments: [], warranties: [] });
      const write = await settle(api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "fee" }, cashier));
      expect(write.status).toBe(403);
    });
  },
});
