import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { settle } from "./helpers";
import { createRawCustomer, ids, staffHeaders, type Headers } from "./crm-helpers";

medusaIntegrationTestRunner({
  dbName: "voltura_it_crm_customers",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician", Headers>;

    beforeEach(async () => {
      as = await staffHeaders(getContainer());
    });

    describe("POST /admin/crm/customers", () => {
      it("creates a customer with an E.164 phone, a profile and normalised tags", async () => {
        const r = await api.post(
          "/admin/crm/customers",
          { name: "Aisyah Rahman", phone: "012-345 6789", email: "Aisyah@Example.my", customer_type: "corporate", tags: ["VIP", " vip ", "Warranty  Claim"] },
          as.cashier,
        );
        expect(r.status).toBe(201);
        expect(r.data.customer).toMatchObject({
          name: "Aisyah Rahman", first_name: "Aisyah", last_name: "Rahman", phone: "+60123456789", email: "aisyah@example.my",
          customer_type: "corporate", tags: ["vip", "warranty claim"], device_count: 0, job_count: 0, last_visit_at: null,
          devices: [], repair_jobs: [], purchases: [], notes: [],
        });
      });

      it("refuses a phone another customer has, written in another format, naming that customer", async () => {
        const first = await api.post("/admin/crm/customers", { name: "Aisyah Rahman", phone: "+60123456789" }, as.cashier);
        const again = await settle(api.post("/admin/crm/customers", { name: "Aisyah R", phone: "012-345 6789" }, as.cashier));
        expect(again.status).toBe(409);
        expect(again.data).toMatchObject({
          type: "duplicate_customer",
          field: "phone",
          existing_customer: { id: first.data.customer.id, name: "Aisyah Rahman", phone: "+60123456789" },
        });
        expect(again.data.message).toContain("Aisyah Rahman");
        expect(again.data.message).toContain(first.data.customer.id);
      });

      it("refuses a phone held by a legacy customer stored unnormalised", async () => {
        const legacy = await createRawCustomer(getContainer(), { first_name: "Old", last_name: "Record", phone: "016-220 1144" });
        const r = await settle(api.post("/admin/crm/customers", { name: "Tan Wei Jie", phone: "+60 16-220 1144" }, as.manager));
        expect(r.status).toBe(409);
        expect(r.data.existing_customer.id).toBe(legacy.id);
      });

      it("refuses an email another customer has", async () => {
        await api.post("/admin/crm/customers", { name: "Mei", phone: "019-887 6650", email: "mei@example.my" }, as.cashier);
        const r = await settle(api.post("/admin/crm/customers", { name: "Mei Two", phone: "019-887 6651", email: "MEI@example.my" }, as.cashier));
        expect(r.status).toBe(409);
        expect(r.data.field).toBe("email");
      });

      it("answers 400 naming the fields at fault", async () => {
        const r = await settle(api.post("/admin/crm/customers", { name: "", phone: "12-34", customer_type: "vip", tags: ["ok", " "] }, as.cashier));
        expect(r.status).toBe(400);
        expect(r.data.message).toContain("name");
        expect(r.data.message).toContain("customer_type");
        expect(r.data.message).toContain("tags.1");
        const phone = await settle(api.post("/admin/crm/customers", { name: "A", phone: "12-34" }, as.cashier));
        expect(phone.status).toBe(400);
        expect(phone.data.message).toContain("phone");
      });

      it("lets owners, managers and cashiers write and technicians only read", async () => {
        const r = await settle(api.post("/admin/crm/customers", { name: "Tech Made", phone: "017-555 0101" }, as.technician));
        expect(r.status).toBe(403);
        expect((await api.get("/admin/crm/customers", as.technician)).status).toBe(200);
        expect((await api.get("/admin/crm/tags", as.technician)).status).toBe(200);
      });
    });

    describe("POST /admin/crm/customers/:id, notes and devices", () => {
      it("updates name, email, type and tags", async () => {
        const c = await api.post("/admin/crm/customers", { name: "Muthu", phone: "019-887 6650" }, as.cashier);
        const r = await api.post(`/admin/crm/customers/${c.data.customer.id}`, { name: "Muthu Krishnan", email: "muthu@example.my", customer_type: "dealer", tags: ["Reseller", "reseller"] }, as.manager);
        expect(r.data.customer).toMatchObject({ name: "Muthu Krishnan", email: "muthu@example.my", customer_type: "dealer", tags: ["reseller"] });
        const cleared = await api.post(`/admin/crm/customers/${c.data.customer.id}`, { email: null }, as.manager);
        expect(cleared.data.customer.email).toBeNull();
        const empty = await settle(api.post(`/admin/crm/customers/${c.data.customer.id}`, {}, as.manager));
        expect(empty.status).toBe(400);
        const missing = await settle(api.post("/admin/crm/customers/cus_missing", { name: "X" }, as.manager));
        expect(missing.status).toBe(404);
      });

      it("appends notes with their author, newest first", async () => {
        const c = await api.post("/admin/crm/customers", { name: "Nurul Huda", phone: "011-2345 6789" }, as.cashier);
        const id = c.data.customer.id;
        const first = await api.post(`/admin/crm/customers/${id}/notes`, { body: "Prefers WhatsApp" }, as.cashier);
        expect(first.status).toBe(201);
        expect(first.data.note).toMatchObject({ body: "Prefers WhatsApp", author: "Test cashier" });
        await new Promise((r) => setTimeout(r, 5));
        const byTechnician = await settle(api.post(`/admin/crm/customers/${id}/notes`, { body: "Paid by DuitNow" }, as.technician));
        expect(byTechnician.status).toBe(403);
        await api.post(`/admin/crm/customers/${id}/notes`, { body: "Asked for a quote" }, as.manager);
        const detail = await api.get(`/admin/crm/customers/${id}`, as.technician);
        expect(detail.data.customer.notes.map((n: { body: string }) => n.body)).toEqual(["Asked for a quote", "Prefers WhatsApp"]);
        const blank = await settle(api.post(`/admin/crm/customers/${id}/notes`, { body: "  " }, as.cashier));
        expect(blank.status).toBe(400);
        expect(blank.data.message).toContain("body");
      });

      it("records devices and refuses an IMEI the customer already has", async () => {
        const c = await api.post("/admin/crm/customers", { name: "Lim Ah Kow", phone: "017-555 0101" }, as.cashier);
        const id = c.data.customer.id;
        const d = await api.post(`/admin/crm/customers/${id}/devices`, { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "35-209900-176148-1", colour: "Blue" }, as.cashier);
        expect(d.status).toBe(201);
        expect(d.data.device).toMatchObject({ device_type: "phone", imei_serial: "352099001761481", colour: "Blue", job_count: 0 });
        const twin = await settle(api.post(`/admin/crm/customers/${id}/devices`, { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481" }, as.cashier));
        expect(twin.status).toBe(409);
        expect(twin.data).toMatchObject({ type: "duplicate_device", existing_device: { id: d.data.device.id } });
        const bad = await settle(api.post(`/admin/crm/customers/${id}/devices`, { device_type: "toaster", brand: "", model: "X", imei_serial: "#" }, as.cashier));
        expect(bad.status).toBe(400);
        expect(bad.data.message).toMatch(/device_type.*brand.*imei_serial|device_type/);
        const other = await api.post("/admin/crm/customers", { name: "Other", phone: "017-555 0102" }, as.cashier);
        const sameImeiElsewhere = await api.post(`/admin/crm/customers/${other.data.customer.id}/devices`, { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481" }, as.cashier);
        expect(sameImeiElsewhere.status).toBe(201);
        const detail = await api.get(`/admin/crm/customers/${id}`, as.cashier);
        expect(detail.data.customer.device_count).toBe(1);
      });
    });

    describe("GET /admin/crm/customers", () => {
      it("filters by type, tag, device type and last visit, and searches by name or phone in any format", async () => {
        const mk = async (name: string, phone: string, extra: Record<string, unknown> = {}) =>
          (await api.post("/admin/crm/customers", { name, phone, ...extra }, as.cashier)).data.customer.id as string;
        const aisyah = await mk("Aisyah Rahman", "012-345 6789", { customer_type: "corporate", tags: ["VIP"] });
        const tan = await mk("Tan Wei Jie", "016-220 1144", { customer_type: "dealer", tags: ["vip", "reseller"] });
        const muthu = await mk("Muthu Krishnan", "019-887 6650");
        await api.post(`/admin/crm/customers/${tan}/devices`, { device_type: "laptop", brand: "Lenovo", model: "ThinkPad X1" }, as.cashier);
        await api.post(`/admin/crm/customers/${muthu}/devices`, { device_type: "phone", brand: "Samsung", model: "A54" }, as.cashier);

        const list = async (query: string) => (await api.get(`/admin/crm/customers?${query}`, as.technician)).data;
        expect(ids((await list("type=corporate")).customers)).toEqual([aisyah]);
        expect(ids((await list("type=walk_in")).customers)).toEqual([muthu]);
        expect(ids((await list("tag=VIP&order=name")).customers)).toEqual([aisyah, tan]);
        expect(ids((await list("tag=vip&type=dealer")).customers)).toEqual([tan]);
        expect(ids((await list("device_type=laptop")).customers)).toEqual([tan]);
        expect((await list("device_type=console")).count).toBe(0);

        expect(ids((await list("q=0123456789")).customers)).toEqual([aisyah]);
        expect(ids((await list(`q=${encodeURIComponent("+60 12-345 6789")}`)).customers)).toEqual([aisyah]);
        expect(ids((await list("q=016-22")).customers)).toEqual([tan]);
        expect(ids((await list("q=wei%20jie")).customers)).toEqual([tan]);
        expect(ids((await list("q=krish")).customers)).toEqual([muthu]);

        const byName = await list("order=name&limit=2");
        expect(ids(byName.customers)).toEqual([aisyah, muthu]);
        expect(byName.count).toBe(3);
        const page2 = await list("order=name&limit=2&offset=2");
        expect(ids(page2.customers)).toEqual([tan]);
        const summary = (await list("q=Tan")).customers[0];
        expect(summary).toMatchObject({ customer_type: "dealer", tags: ["vip", "reseller"], device_count: 1, job_count: 0, last_visit_at: null });

        const bad = await settle(api.get("/admin/crm/customers?type=vip&last_visit_before=soon", as.cashier));
        expect(bad.status).toBe(400);
        expect(bad.data.message).toContain("type");
        expect(bad.data.message).toContain("last_visit_before");
      });
    });

    it("counts a customer created outside the CRM (no profile yet) as a walk-in", async () => {
      const raw = await createRawCustomer(getContainer(), { first_name: "Counter", last_name: "Sale", phone: "+60175550199" });
      const corporate = (await api.post("/admin/crm/customers", { name: "Syarikat Teknik Maju", phone: "03-2141 1234", customer_type: "corporate" }, as.cashier)).data.customer.id;
      const walkIns = (await api.get("/admin/crm/customers?type=walk_in", as.cashier)).data;
      expect(ids(walkIns.customers)).toEqual([raw.id]);
      expect(walkIns.customers[0]).toMatchObject({ customer_type: "walk_in", tags: [], device_count: 0 });
      expect(ids((await api.get("/admin/crm/customers?type=corporate", as.cashier)).data.customers)).toEqual([corporate]);
    });

    describe("GET /admin/crm/customers/lookup", () => {
      it("puts the exact normalised match first, then numbers with that prefix, at most 8", async () => {
        const exact = (await api.post("/admin/crm/customers", { name: "Exact", phone: "012-345 6789" }, as.cashier)).data.customer.id;
        for (let i = 0; i < 9; i++) {
          await createRawCustomer(getContainer(), { first_name: `Prefix ${i}`, phone: `+60123456789${i}` });
        }
        await createRawCustomer(getContainer(), { first_name: "Elsewhere", phone: "+60162201144" });
        const r = await api.get(`/admin/crm/customers/lookup?phone=${encodeURIComponent("012-345 6789")}`, as.technician);
        expect(r.data.customers).toHaveLength(8);
        expect(r.data.customers[0]).toMatchObject({ id: exact, match: "exact", phone: "+60123456789", customer_type: "walk_in" });
        expect(r.data.customers.slice(1).every((c: { match: string; phone: string }) => c.match === "prefix" && c.phone.startsWith("+60123456789"))).toBe(true);

        const partial = await api.get("/admin/crm/customers/lookup?phone=016-2", as.cashier);
        expect(partial.data.customers.map((c: { name: string }) => c.name)).toEqual(["Elsewhere"]);
        expect((await api.get("/admin/crm/customers/lookup?phone=01", as.cashier)).data.customers).toEqual([]);
        expect((await settle(api.get("/admin/crm/customers/lookup", as.cashier))).status).toBe(400);
      });
    });

    describe("GET /admin/crm/tags and /admin/crm/duplicates", () => {
      it("counts tags in use", async () => {
        await api.post("/admin/crm/customers", { name: "A", phone: "012-000 0001", tags: ["VIP", "reseller"] }, as.cashier);
        await api.post("/admin/crm/customers", { name: "B", phone: "012-000 0002", tags: ["vip"] }, as.cashier);
        const r = await api.get("/admin/crm/tags", as.cashier);
        expect(r.data.tags).toEqual([{ tag: "vip", count: 2 }, { tag: "reseller", count: 1 }]);
      });

      it("reports customers sharing a normalised phone", async () => {
        const a = await createRawCustomer(getContainer(), { first_name: "Legacy", last_name: "One", phone: "012-345 6789" });
        const b = await createRawCustomer(getContainer(), { first_name: "Legacy", last_name: "Two", phone: "+60123456789" });
        await createRawCustomer(getContainer(), { first_name: "Alone", phone: "016-220 1144" });
        const r = await api.get("/admin/crm/duplicates", as.manager);
        expect(r.data.count).toBe(1);
        expect(r.data.groups[0].phone).toBe("+60123456789");
        expect(ids(r.data.groups[0].customers)).toEqual([a.id, b.id]);
      });
    });
  },
});
