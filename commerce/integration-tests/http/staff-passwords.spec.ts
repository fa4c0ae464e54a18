import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { Modules } from "@medusajs/framework/utils";
import { authHeaders, settle } from "./helpers";
import { asConsole, auditRows, createStaffWithPassword } from "./staff-accounts-helpers";

medusaIntegrationTestRunner({
  dbName: "voltura_it_staff_passwords",
  testSuite: ({ api, getContainer }) => {
    const signin = async (email: string, password: string) =>
      settle(api.post("/admin/staff/credentials/check", { email, password, ip: "203.0.113.5", purpose: "signin" }, await asConsole()));

    it("lets staff change their own password: the current one checked, the new one under the policy", async () => {
      const cashier = await createStaffWithPassword(getContainer(), "cashier");
      const as = await authHeaders(cashier.id, "cashier");
      const change = (body: Record<string, unknown>) => settle(api.post("/admin/staff/me/password", body, as));

      const wrongCurrent = await change({ current_password: "not-my-password", new_password: "Teh-Tarik-Kurang-Manis" });
      expect(wrongCurrent.status).toBe(401);
      expect(wrongCurrent.data.message).toContain("current_password");

      const short = await change({ current_password: cashier.password, new_password: "short1!" });
      expect(short.status).toBe(400);
      expect(short.data.message).toContain("new_password");
      expect(short.data.message).toContain("at least 10 characters");
      const common = await change({ current_password: cashier.password, new_password: "1q2w3e4r5t" });
      expect(common.status).toBe(400);
      expect(common.data.message).toContain("new_password: is one of the most common passwords");
      const personal = await change({ current_password: cashier.password, new_password: `${cashier.email.split("@")[0]}-x9` });
      expect(personal.data.message).toContain("new_password: must not contain your email address or your name");
      const same = await change({ current_password: cashier.password, new_password: cashier.password });
      expect(same.data.message).toContain("new_password: must be different from the current password");
      expect((await change({ current_password: cashier.password })).data.message).toContain("new_password");

      const ok = await change({ current_password: cashier.password, new_password: "Teh-Tarik-Kurang-Manis" });
      expect(ok.status).toBe(200);
      expect(ok.data.staff).toMatchObject({ id: cashier.id, role: "cashier" });
      expect((await signin(cashier.email, "Teh-Tarik-Kurang-Manis")).status).toBe(200);
      expect((await signin(cashier.email, cashier.password)).status).toBe(401);

      const changed = await auditRows(getContainer(), "auth.password_changed");
      expect(changed[0]).toMatchObject({ entity_id: cashier.id, actor_id: cashier.id, metadata: { email: cashier.email, was_required: false } });
      const failed = await auditRows(getContainer(), "auth.password_change_failed");
      expect(failed[0]).toMatchObject({ entity_id: cashier.id, metadata: { reason: "wrong_password" } });
      expect(JSON.stringify([...changed, ...failed])).not.toMatch(/Teh-Tarik|not-my-password/);
    });

    it("lets an owner reset another staff member's password; that member must choose a new one at the next sign-in", async () => {
      const owner = await createStaffWithPassword(getContainer(), "owner");
      const manager = await createStaffWithPassword(getContainer(), "manager");
      const tech = await createStaffWithPassword(getContainer(), "technician");
      const asOwner = await authHeaders(owner.id, "owner");

      const byManager = await settle(api.post(`/admin/staff/${tech.id}/password-reset`, {}, await authHeaders(manager.id, "manager")));
      expect(byManager.status).toBe(403);
      const own = await settle(api.post(`/admin/staff/${owner.id}/password-reset`, {}, asOwner));
      expect(own.status).toBe(400);
      const weak = await settle(api.post(`/admin/staff/${tech.id}/password-reset`, { temporary_password: "password12" }, asOwner));
      expect(weak.status).toBe(400);
      expect(weak.data.message).toContain("temporary_password");
      expect((await settle(api.post("/admin/staff/user_missing/password-reset", {}, asOwner))).status).toBe(404);

      const reset = await api.post(`/admin/staff/${tech.id}/password-reset`, {}, asOwner);
      expect(reset.data).toMatchObject({ staff: { id: tech.id }, must_change_password: true });
      const temporary: string = reset.data.temporary_password;
      expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect((await signin(tech.email, tech.password)).status).toBe(401);
      const first = await signin(tech.email, temporary);
      expect(first.status).toBe(200);
      expect(first.data.must_change_password).toBe(true);
      const user = await getContainer().resolve(Modules.USER).retrieveUser(tech.id);
      expect(user.metadata).toMatchObject({ must_change_password: true, role: "technician", active: true });

      const resetRow = (await auditRows(getContainer(), "staff.password_reset"))[0];
      expect(resetRow).toMatchObject({ entity_id: tech.id, actor_id: owner.id, metadata: { email: tech.email, generated: true, must_change_password: true } });
      expect(JSON.stringify(resetRow)).not.toContain(temporary);

      const changed = await api.post("/admin/staff/me/password", { current_password: temporary, new_password: "Nasi-Lemak-Sambal-Pedas" }, await authHeaders(tech.id, "technician"));
      expect(changed.status).toBe(200);
      const after = await signin(tech.email, "Nasi-Lemak-Sambal-Pedas");
      expect(after.data.must_change_password).toBe(false);
      expect((await auditRows(getContainer(), "auth.password_changed"))[0]!.metadata).toMatchObject({ was_required: true });

      const typed = await api.post(`/admin/staff/${tech.id}/password-reset`, { temporary_password: "Sementara-Dulu-42" }, asOwner);
      expect(typed.data.temporary_password).toBeNull();
      expect((await signin(tech.email, "Sementara-Dulu-42")).data.must_change_password).toBe(true);
    });

    it("reports the demo seed's accounts while one is active", async () => {
      const tech = await createStaffWithPassword(getContainer(), "technician");
      const as = await authHeaders(tech.id, "technician");
      expect((await api.get("/admin/staff/demo-status", as)).data).toEqual({ active: false, accounts: [] });
      const users = getContainer().resolve(Modules.USER);
      const demo = await users.createUsers({ email: "owner@voltura.demo", first_name: "Farid", metadata: { role: "owner", active: true, demo: true } });
      expect((await api.get("/admin/staff/demo-status", as)).data).toEqual({ active: true, accounts: [{ id: demo.id, email: "owner@voltura.demo", role: "owner" }] });
      await users.updateUsers({ id: demo.id, metadata: { role: "owner", active: false, demo: true } });
      expect((await api.get("/admin/staff/demo-status", as)).data.active).toBe(false);
    });
  },
});
