import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { authHeaders, settle, newStaffHeaders } from "./helpers";
import { newKey, seedPosFixture } from "./pos.fixtures";
import { asConsole, auditRows, createStaffWithPassword, deactivate } from "./staff-accounts-helpers";
import { recordEvents } from "./whatsapp-helpers";

medusaIntegrationTestRunner({
  dbName: "voltura_it_signin_guard",
  testSuite: ({ api, getContainer }) => {
    const check = async (email: string, password: string, ip = "203.0.113.10", purpose: "signin" | "approval" = "signin") =>
      settle(api.post("/admin/staff/credentials/check", { email, password, ip, purpose }, await asConsole()));
    /** Moves an account's last failure into the past, as if the wait had passed. */
    const age = async (email: string, seconds: number) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      await pg.raw(`UPDATE staff_signin_guard SET last_failed_at = last_failed_at - make_interval(secs => ?) WHERE id = ?`, [seconds, email]);
    };

    it("answers a right password with the staff member, and only the system role may ask", async () => {
      const tech = await createStaffWithPassword(getContainer(), "technician");
      const ok = await check(tech.email.toUpperCase(), tech.password);
      expect(ok.status).toBe(200);
      expect(ok.data).toEqual({ staff: { id: tech.id, email: tech.email, name: "Test technician", role: "technician", locale: null }, must_change_password: false });
      const signins = await auditRows(getContainer(), "auth.signin");
      expect(signins[0]).toMatchObject({ entity_id: tech.id, actor_id: tech.id, ip: "203.0.113.10", metadata: { email: tech.email, channel: "console" } });

      const owner = await createStaffWithPassword(getContainer(), "owner");
      const asOwner = await authHeaders(owner.id, "owner");
      const refused = await settle(api.post("/admin/staff/credentials/check", { email: tech.email, password: tech.password, ip: "1.2.3.4", purpose: "signin" }, asOwner));
      expect(refused.status).toBe(403);
      const bad = await settle(api.post("/admin/staff/credentials/check", { email: tech.email, ip: "1.2.3.4", purpose: "login" }, await asConsole()));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("password");
      expect(bad.data.message).toContain("purpose");
    });

    it("answers a wrong password, an unknown email and a deactivated account identically, and audits why", async () => {
      const cashier = await createStaffWithPassword(getContainer(), "cashier");
      const gone = await createStaffWithPassword(getContainer(), "cashier");
      await deactivate(getContainer(), gone.id);
      const wrong = await check(cashier.email, "not-the-password");
      const unknown = await check("nobody@accounts.test", "whatever-it-is");
      const deactivated = await check(gone.email, gone.password);
      for (const answer of [wrong, unknown, deactivated]) {
        expect(answer.status).toBe(401);
        expect(answer.data).toEqual({ type: "unauthorized", message: "Email or password is wrong" });
      }
      const failed = await auditRows(getContainer(), "auth.signin_failed");
      const reasonFor = (email: string) => failed.find((r) => r.metadata?.email === email)?.metadata?.reason;
      expect(reasonFor(cashier.email)).toBe("wrong_password");
      expect(reasonFor("nobody@accounts.test")).toBe("unknown_email");
      expect(reasonFor(gone.email)).toBe("deactivated");
      expect(failed.every((r) => r.actor_id === null && r.ip === "203.0.113.10")).toBe(true);
      expect(JSON.stringify(failed)).not.toContain("not-the-password");
    });

    it("backs an account off after 5 failures, locks it at 10, tells the owners, and lets an owner unlock it", async () => {
      const locked = recordEvents(getContainer(), ["staff.account_locked"]);
      const tech = await createStaffWithPassword(getContainer(), "technician");
      for (let i = 1; i <= 5; i++) expect((await check(tech.email, `wrong-${i}`, `198.51.100.${i}`)).status).toBe(401);
      const delayed = await check(tech.email, tech.password, "198.51.100.99");
      expect(delayed.status).toBe(429);
      expect(delayed.data).toMatchObject({ type: "too_many_attempts", message: "Too many attempts. Try again in 1 minute." });
      expect(delayed.data.retry_after_seconds).toBeGreaterThan(0);
      expect(delayed.data.retry_after_seconds).toBeLessThanOrEqual(30);

      for (let i = 6; i <= 10; i++) {
        await age(tech.email, 3600);
        expect((await check(tech.email, `wrong-${i}`)).status).toBe(401);
      }
      const lockedAnswer = await check(tech.email, tech.password);
      expect(lockedAnswer.status).toBe(429);
      expect(lockedAnswer.data.retry_after_seconds).toBeGreaterThan(14 * 60);
      expect(lockedAnswer.data.message).toBe("Too many attempts. Try again in 15 minutes.");

      const lockRows = (await auditRows(getContainer(), "auth.account_locked")).filter((r) => r.metadata?.email === tech.email);
      expect(lockRows).toHaveLength(1);
      expect(lockRows[0]!.metadata).toMatchObject({ failures: 10, first_lock: true, purpose: "signin" });
      await expect.poll(() => locked["staff.account_locked"]!.filter((e) => e.email === tech.email).length).toBe(1);

      const owner = await createStaffWithPassword(getContainer(), "owner");
      const manager = await createStaffWithPassword(getContainer(), "manager");
      const list = await api.get("/admin/staff/lockouts", await authHeaders(manager.id, "manager"));
      expect(list.data.lockouts).toEqual([expect.objectContaining({ email: tech.email, failures: 10, still_locked: true })]);
      expect((await settle(api.post("/admin/staff/lockouts/unlock", { email: tech.email }, await authHeaders(manager.id, "manager")))).status).toBe(403);
      const unlocked = await api.post("/admin/staff/lockouts/unlock", { email: tech.email.toUpperCase() }, await authHeaders(owner.id, "owner"));
      expect(unlocked.data).toEqual({ unlocked: true });
      expect((await auditRows(getContainer(), "auth.account_unlocked"))[0]).toMatchObject({ actor_id: owner.id, metadata: { email: tech.email } });
      expect((await check(tech.email, tech.password)).status).toBe(200);
      expect((await api.get("/admin/staff/lockouts", await authHeaders(owner.id, "owner"))).data.lockouts).toEqual([]);
    });

    it("limits one address to 30 failures in 15 minutes across accounts, without touching other addresses", async () => {
      const tech = await createStaffWithPassword(getContainer(), "technician");
      const ip = "192.0.2.77";
      for (let i = 0; i < 30; i++) expect((await check(`stranger-${i}@accounts.test`, "guess-guess-1", ip)).status).toBe(401);
      const blocked = await check(tech.email, tech.password, ip);
      expect(blocked.status).toBe(429);
      expect(blocked.data.retry_after_seconds).toBeGreaterThan(14 * 60);
      expect((await check(tech.email, tech.password, "192.0.2.78")).status).toBe(200);
    });

    it("guards Medusa's own sign-in route too: deactivated answered like a wrong password, then limited", async () => {
      const cashier = await createStaffWithPassword(getContainer(), "cashier");
      const ok = await api.post("/auth/user/emailpass", { email: cashier.email, password: cashier.password });
      expect(typeof ok.data.token).toBe("string");
      await deactivate(getContainer(), cashier.id);
      const deactivated = await settle(api.post("/auth/user/emailpass", { email: cashier.email, password: cashier.password }));
      const wrong = await settle(api.post("/auth/user/emailpass", { email: cashier.email, password: "still-not-it" }));
      expect(deactivated.status).toBe(401);
      expect(wrong.status).toBe(401);
      expect(deactivated.data).toEqual(wrong.data);
      for (let i = 0; i < 3; i++) await settle(api.post("/auth/user/emailpass", { email: cashier.email, password: `nope-${i}` }));
      const limited = await settle(api.post("/auth/user/emailpass", { email: cashier.email, password: cashier.password }));
      expect(limited.status).toBe(429);
      expect(limited.data.retry_after_seconds).toBeGreaterThan(0);
    });

    it("limits manager approvals typed at the POS with the same per-account guard, and audits them with the till's address", async () => {
      const fx = await seedPosFixture(getContainer());
      const cashier = await newStaffHeaders(getContainer(), "cashier");
      const till = { headers: { ...cashier.headers, "x-voltura-client-ip": "10.0.0.42" } };
      const sale = (password: string) => ({
        idempotency_key: newKey("approval"), lines: [{ variant_id: fx.variants.screen, quantity: 2 }],
        payments: [{ method: "card", amount_sen: 38_880 }], stock_override: true, manager_approval: { email: fx.manager.email, password },
      });
      for (let i = 0; i < 5; i++) {
        const wrong = await settle(api.post("/admin/pos/checkout", sale(`guess-${i}`), till));
        expect(wrong.status).toBe(401);
      }
      const limited = await settle(api.post("/admin/pos/checkout", sale(fx.manager.password), till));
      expect(limited.status).toBe(429);
      expect(limited.data.message).toMatch(/^manager_approval: Too many attempts\. Try again in 1 minute\.$/);
      const rows = (await auditRows(getContainer(), "pos.approval_failed")).filter((r) => r.metadata?.email === fx.manager.email);
      expect(rows).toHaveLength(5);
      expect(rows[0]).toMatchObject({ ip: "10.0.0.42", metadata: { reason: "wrong_password", channel: "pos" } });
      // The same account is limited for sign-in too: one guard for every password check.
      expect((await check(fx.manager.email, fx.manager.password, "10.0.0.43")).status).toBe(429);
    });
  },
});
