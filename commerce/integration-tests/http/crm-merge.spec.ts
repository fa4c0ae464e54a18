import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { jobBody, settle } from "./helpers";
import { createOrder, createRawCustomer, ids, staffHeaders, type Headers } from "./crm-helpers";

medusaIntegrationTestRunner({
  dbName: "voltura_it_crm_merge",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
    });

    /** A primary with a job, a device and a note, and a legacy duplicate (same number, other format) with its own. */
    async function twoRecordsOfOnePerson() {
      const primaryJob = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Aisyah Rahman", phone: "012-345 6789" } }), as.cashier);
      const primary = primaryJob.data.repair_job.customer_id as string;
      await api.post(`/admin/crm/customers/${primary}`, { tags: ["vip"] }, as.cashier);
      await api.post(`/admin/crm/customers/${primary}/notes`, { body: "Primary note" }, as.cashier);

      const legacy = await createRawCustomer(getContainer(), { first_name: "Aisyah", last_name: "R.", phone: "012-345 6789" });
      await api.post(`/admin/crm/customers/${legacy.id}`, { customer_type: "corporate", tags: ["Late payer", "VIP"] }, as.manager);
      await api.post(`/admin/crm/customers/${legacy.id}/notes`, { body: "Duplicate note" }, as.cashier);
      const tablet = await api.post(`/admin/crm/customers/${legacy.id}/devices`, { device_type: "tablet", brand: "Samsung", model: "Tab S9" }, as.cashier);
      await createOrder(getContainer(), legacy.id, [{ title: "20W USB-C Charger", quantity: 1, unit_price: 49.9 }]);
      return { primary, primaryJobId: primaryJob.data.repair_job.id as string, duplicate: legacy.id, tabletId: tablet.data.device.id as string };
    }

    it("moves jobs, devices, notes, tags and orders to the primary and deletes the duplicate", async () => {
      const { primary, duplicate, tabletId } = await twoRecordsOfOnePerson();
      // A job of the duplicate, linked by the repair plugin's customer link.
      const link = getContainer().resolve("link") as { create: (d: object) => Promise<unknown>; dismiss: (d: object) => Promise<unknown> };
      const dupJob = await api.post("/admin/repair-jobs", jobBody({ customer: { name: "Other", phone: "019-000 0001" }, device_type: "console", brand: "Sony", model: "PS5" }), as.cashier);
      const other = dupJob.data.repair_job.customer_id;
      await link.dismiss({ [Modules.CUSTOMER]: { customer_id: other }, repair: { repair_job_id: dupJob.data.repair_job.id } });
      await link.create({ [Modules.CUSTOMER]: { customer_id: duplicate }, repair: { repair_job_id: dupJob.data.repair_job.id } });

      const dupBefore = (await api.get(`/admin/crm/customers/${duplicate}`, as.manager)).data.customer;
      expect(dupBefore.job_count).toBe(1);

      const r = await api.post(`/admin/crm/customers/${primary}/merge`, { duplicate_id: duplicate }, as.manager);
      expect(r.status).toBe(200);
      expect(r.data.merged).toEqual({ duplicate_id: duplicate, repair_jobs: 1, devices: 1, notes: 1, orders: 1 });
      const merged = r.data.customer;
      expect(merged).toMatchObject({ id: primary, customer_type: "corporate", tags: ["vip", "late payer"], job_count: 2, device_count: 2 });
      expect(merged.devices.map((d: { id: string }) => d.id)).toContain(tabletId);
      expect(merged.repair_jobs.map((j: { id: string }) => j.id)).toContain(dupJob.data.repair_job.id);
      expect(merged.notes.map((n: { body: string }) => n.body)).toEqual(
        expect.arrayContaining(["Primary note", "Duplicate note", expect.stringContaining(`Merged Aisyah R. (012-345 6789, ${duplicate})`)]),
      );
      expect(merged.notes[0].author).toBe("Test manager");
      expect(merged.purchases).toHaveLength(1);
      expect(merged.purchases[0].total_sen).toBe(4990);

      expect((await settle(api.get(`/admin/crm/customers/${duplicate}`, as.manager))).status).toBe(404);
      expect((await api.get("/admin/crm/duplicates", as.manager)).data.count).toBe(0);
      expect((await api.get("/admin/crm/tags", as.manager)).data.tags).toEqual([{ tag: "late payer", count: 1 }, { tag: "vip", count: 1 }]);
      const crm = getContainer().resolve("crm") as { listCustomerProfiles: (f: object) => Promise<unknown[]> };
      // The primary's and the other intake customer's; the duplicate's profile went with it.
      expect(await crm.listCustomerProfiles({})).toHaveLength(2);
    });

    it("folds a device both records have (same IMEI) into the primary's record", async () => {
      const a = (await api.post("/admin/crm/customers", { name: "Tan Wei Jie", phone: "016-220 1144" }, as.cashier)).data.customer.id;
      const b = (await createRawCustomer(getContainer(), { first_name: "Tan", phone: "0162201144" })).id;
      const mine = await api.post(`/admin/crm/customers/${a}/devices`, { device_type: "phone", brand: "Apple", model: "iPhone 11", imei_serial: "356938035643809" }, as.cashier);
      await api.post(`/admin/crm/customers/${b}/devices`, { device_type: "phone", brand: "Apple", model: "iPhone11", imei_serial: "35 693803 564380 9" }, as.cashier);
      const r = await api.post(`/admin/crm/customers/${a}/merge`, { duplicate_id: b }, as.owner);
      expect(ids(r.data.customer.devices)).toEqual([mine.data.device.id]);
    });

    it("is for owners and managers, and answers 400 / 404 naming the problem", async () => {
      const a = (await api.post("/admin/crm/customers", { name: "A", phone: "012-000 0001" }, as.cashier)).data.customer.id;
      const b = (await api.post("/admin/crm/customers", { name: "B", phone: "012-000 0002" }, as.cashier)).data.customer.id;
      expect((await settle(api.post(`/admin/crm/customers/${a}/merge`, { duplicate_id: b }, as.cashier))).status).toBe(403);
      const self = await settle(api.post(`/admin/crm/customers/${a}/merge`, { duplicate_id: a }, as.manager));
      expect(self.status).toBe(400);
      expect(self.data.message).toContain("duplicate_id");
      const missing = await settle(api.post(`/admin/crm/customers/${a}/merge`, { duplicate_id: "cus_missing" }, as.manager));
      expect(missing.status).toBe(404);
      expect(missing.data.message).toContain("cus_missing");
      const noBody = await settle(api.post(`/admin/crm/customers/${a}/merge`, {}, as.manager));
      expect(noBody.status).toBe(400);
      expect(noBody.data.message).toContain("duplicate_id");
    });

    it("puts everything back when deleting the duplicate fails", async () => {
      const { primary, primaryJobId, duplicate } = await twoRecordsOfOnePerson();
      const before = {
        primary: (await api.get(`/admin/crm/customers/${primary}`, as.manager)).data.customer,
        duplicate: (await api.get(`/admin/crm/customers/${duplicate}`, as.manager)).data.customer,
      };
      // The database refuses the duplicate's delete, the last write of the merge's one transaction.
      const pg = getContainer().resolve<{ raw(sql: string): Promise<unknown> }>(ContainerRegistrationKeys.PG_CONNECTION);
      await pg.raw(`CREATE OR REPLACE FUNCTION it_refuse_customer_delete() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'customer delete refused (test)'; END $$`);
      await pg.raw(`CREATE TRIGGER it_refuse_customer_delete BEFORE UPDATE OF deleted_at ON customer
        FOR EACH ROW WHEN (OLD.id = '${duplicate}' AND NEW.deleted_at IS NOT NULL) EXECUTE FUNCTION it_refuse_customer_delete()`);
      let r;
      try {
        r = await settle(api.post(`/admin/crm/customers/${primary}/merge`, { duplicate_id: duplicate }, as.manager));
      } finally {
        await pg.raw(`DROP TRIGGER IF EXISTS it_refuse_customer_delete ON customer`);
      }
      expect(r.status).toBeGreaterThanOrEqual(500);
      const after = {
        primary: (await api.get(`/admin/crm/customers/${primary}`, as.manager)).data.customer,
        duplicate: (await api.get(`/admin/crm/customers/${duplicate}`, as.manager)).data.customer,
      };
      expect(after).toEqual(before);
      expect(after.primary.repair_jobs.map((j: { id: string }) => j.id)).toEqual([primaryJobId]);
    });
  },
});
