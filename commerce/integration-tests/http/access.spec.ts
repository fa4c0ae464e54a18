import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { mintMedusaToken } from "@voltura/medusa-client";
import { authHeaders, createStaffUser, JWT_SECRET, settle } from "./helpers";


medusaIntegrationTestRunner({
  dbName: "voltura_it_access",
  testSuite: ({ api, getContainer }) => {
    it("refuses calls without a token", async () => {
      const r = await settle(api.get("/admin/repair-jobs"));
      expect(r.status).toBe(401);
    });

    it("refuses a Medusa user that has no Voltura role, on core routes too", async () => {
      const users = getContainer().resolve(Modules.USER);
      const user = await users.createUsers({ email: `norole-${Date.now()}@test.local` });
      const token = await mintMedusaToken({ id: user.id, role: "manager" }, JWT_SECRET);
      // A token minted without the signed role falls back to the user record, which has none.
      const bare = token.replace(/\..*\./, "."); // deliberately broken signature
      expect((await settle(api.get("/admin/products", { headers: { authorization: `Bearer ${bare}` } }))).status).toBe(401);
      const { sign } = await import("jsonwebtoken");
      const medusaStyle = sign({ actor_id: user.id, actor_type: "user", auth_identity_id: "", app_metadata: { user_id: user.id } }, JWT_SECRET);
      const r = await settle(api.get("/admin/products", { headers: { authorization: `Bearer ${medusaStyle}` } }));
      expect(r.status).toBe(403);
    });

    it("reads the role from the user record for tokens from Medusa's own login", async () => {
      const user = await createStaffUser(getContainer(), "technician");
      const { sign } = await import("jsonwebtoken");
      const medusaStyle = sign({ actor_id: user.id, actor_type: "user", auth_identity_id: "", app_metadata: { user_id: user.id } }, JWT_SECRET);
      const me = await api.get("/admin/staff/me", { headers: { authorization: `Bearer ${medusaStyle}` } });
      expect(me.data.staff).toMatchObject({ id: user.id, role: "technician" });
    });

    it("lets only owners create and change staff; managers read, cashiers get nothing", async () => {
      const owner = await createStaffUser(getContainer(), "owner");
      const manager = await createStaffUser(getContainer(), "manager");
      const cashier = await createStaffUser(getContainer(), "cashier");
      const asOwner = await authHeaders(owner.id, "owner");
      const asManager = await authHeaders(manager.id, "manager");
      const asCashier = await authHeaders(cashier.id, "cashier");
      const newTech = { email: "new.tech@test.local", name: "New Tech", role: "technician", password: "Ranting-Hujan-Sepuluh-77" };

      const created = await api.post("/admin/staff", newTech, asOwner);
      expect(created.status).toBe(201);
      expect(created.data.staff).toMatchObject({ email: "new.tech@test.local", role: "technician", active: true });

      const managerCreates = await settle(api.post("/admin/staff", { ...newTech, email: "tech2@test.local" }, asManager));
      expect(managerCreates.status).toBe(403);
      const managerChanges = await settle(api.post(`/admin/staff/${created.data.staff.id}`, { role: "cashier" }, asManager));
      expect(managerChanges.status).toBe(403);
      const managerDeactivates = await settle(api.post(`/admin/staff/${cashier.id}`, { active: false }, asManager));
      expect(managerDeactivates.status).toBe(403);
      expect((await api.get("/admin/staff", asManager)).data.staff.length).toBeGreaterThanOrEqual(4);
      expect((await api.get(`/admin/staff/${cashier.id}`, asManager)).data.staff).toMatchObject({ role: "cashier", active: true });

      const ownerDemotesSelf = await settle(api.post(`/admin/staff/${owner.id}`, { role: "manager" }, asOwner));
      expect(ownerDemotesSelf.status).toBe(403);
      expect(ownerDemotesSelf.data.message).toContain("your own role");

      const duplicate = await settle(api.post("/admin/staff", { ...newTech, name: "Again", role: "cashier" }, asOwner));
      expect(duplicate.status).toBe(409);

      expect((await settle(api.get("/admin/staff", asCashier))).status).toBe(403);
      expect((await settle(api.post("/admin/staff", { ...newTech, email: "x@test.local", role: "cashier" }, asCashier))).status).toBe(403);

      const login = await api.post("/auth/user/emailpass", { email: "new.tech@test.local", password: newTech.password });
      expect(typeof login.data.token).toBe("string");
    });

    it("answers 400 naming the field for bad staff input", async () => {
      const owner = await createStaffUser(getContainer(), "owner");
      const r = await settle(api.post("/admin/staff", { email: "not-an-email", name: "", role: "boss", password: "short" }, await authHeaders(owner.id, "owner")));
      expect(r.status).toBe(400);
      expect(r.data.message).toContain("email");
      expect(r.data.message).toContain("role");
      expect(r.data.message).toContain("password");
    });
  },
});
