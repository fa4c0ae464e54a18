import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import type { AuditEntry } from "@voltura/contracts";
import { AUDIT_MODULE } from "@voltura/medusa-kit";
import { authHeaders, createStaffUser, settle } from "./helpers";

/** A day in shop time (Kuala Lumpur, UTC+8), "2026-11-30". */
const shopDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

medusaIntegrationTestRunner({
  dbName: "voltura_it_audit_trail",
  testSuite: ({ api, getContainer, dbConnection }) => {
    async function staff() {
      const container = getContainer();
      const owner = await createStaffUser(container, "owner");
      const manager = await createStaffUser(container, "manager");
      const cashier = await createStaffUser(container, "cashier");
      return {
        owner, manager, cashier,
        asOwner: await authHeaders(owner.id, "owner"),
        asManager: await authHeaders(manager.id, "manager"),
        asCashier: await authHeaders(cashier.id, "cashier"),
      };
    }
    async function entries(query: string, headers: { headers: Record<string, string> }): Promise<{ audit_entries: AuditEntry[]; next_cursor: string | null }> {
      return (await api.get(`/admin/audit?${query}`, headers)).data;
    }

    it("records a staff role change with before and after, as the owner who made it", async () => {
      const s = await staff();
      await api.post(`/admin/staff/${s.cashier.id}`, { role: "technician" }, { headers: { ...s.asOwner.headers, "x-request-id": "req-role-change-1" } });
      await api.post(`/admin/staff/${s.cashier.id}`, { active: false }, s.asOwner);
      const { audit_entries: rows } = await entries(`entity=staff&entity_id=${s.cashier.id}`, s.asManager);
      expect(rows.map((r) => r.action)).toEqual(["staff.deactivated", "staff.role_changed"]);
      expect(rows[1]).toMatchObject({
        actor_id: s.owner.id, actor_role: "owner", entity: "staff", entity_id: s.cashier.id, request_id: "req-role-change-1",
        changes: { role: { before: "cashier", after: "technician" } },
      });
      expect(rows[0]!.changes).toEqual({ active: { before: true, after: false } });
      // The explicit row replaces the generic one: one row per write.
      expect((await entries(`entity_id=${s.cashier.id}&action=http.*`, s.asManager)).audit_entries).toEqual([]);

      const created = await api.post("/admin/staff", { email: "new.cashier@test.local", name: "Nur Cashier", role: "cashier", password: "Ranting-Hujan-Sepuluh-77" }, s.asOwner);
      const [createdRow] = (await entries(`action=staff.created&entity_id=${created.data.staff.id}`, s.asOwner)).audit_entries;
      expect(createdRow!.changes).toMatchObject({ role: { before: null, after: "cashier" }, email: { before: null, after: "new.cashier@test.local" } });
      expect(JSON.stringify(createdRow)).not.toContain("Ranting");
    });

    it("records any other write with a generic row, secrets redacted, after the answer", async () => {
      const s = await staff();
      const r = await api.post("/admin/crm/customers", { name: "Aisyah Rahman", phone: "012-345 6789", pin: "4321" }, s.asCashier);
      expect(r.status).toBe(201);
      let row: AuditEntry | undefined;
      await expect.poll(async () => {
        row = (await entries(`actor_id=${s.cashier.id}&action=http.post`, s.asManager)).audit_entries[0];
        return row?.entity;
      }, { timeout: 5_000 }).toBe("crm.customers");
      expect(row).toMatchObject({
        actor_role: "cashier",
        metadata: { method: "POST", path: "/admin/crm/customers", route: "/admin/crm/customers", status: 201, body: { name: "Aisyah Rahman", pin: "[redacted]" } },
      });
      // A refused or failed write leaves no generic row.
      await settle(api.post("/admin/crm/customers", { name: "" }, s.asCashier));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await entries(`actor_id=${s.cashier.id}`, s.asManager)).audit_entries).toHaveLength(1);
    });

    it("exports CSV for owners and managers, spreadsheet-safe, and audits the export itself", async () => {
      const s = await staff();
      await api.post(`/admin/staff/${s.cashier.id}`, { name: "Siti Aminah" }, s.asOwner);
      await api.post("/admin/audit/events", {
        action: "auth.signin_failed", entity: "staff", actor_name: '=HYPERLINK("http://evil.example")', metadata: { reason: "unknown_email" },
      }, await authHeaders("system:console", "system"));
      const csv = await api.get("/admin/audit/export?entity=staff", s.asManager);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.headers["content-disposition"]).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = (csv.data as string).trim().split("\n");
      expect(lines[0]).toBe("occurred_at_utc,occurred_at_shop_time,actor_name,actor_role,actor_id,action,entity,entity_id,changes,metadata,ip,request_id,id");
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain("auth.signin_failed");
      expect(lines[2]).toContain("staff.updated");
      expect(csv.data).toContain("'=HYPERLINK");
      expect(csv.data).not.toMatch(/(^|,)"?=HYPERLINK/m);
      const [exportRow] = (await entries("action=export.audit", s.asOwner)).audit_entries;
      expect(exportRow).toMatchObject({ actor_id: s.manager.id, actor_role: "manager", entity: "audit_entry", metadata: { filters: { entity: "staff" }, rows: 2 } });
      expect((await settle(api.get("/admin/audit/export", s.asCashier))).status).toBe(403);
      expect((await settle(api.get("/admin/audit", s.asCashier))).status).toBe(403);
    });

    it("takes console events: staff post export.* as themselves, the system actor posts auth.*", async () => {
      const s = await staff();
      const asSystem = await authHeaders("system:console", "system");
      const posted = await api.post("/admin/audit/events", { action: "export.customers", entity: "customer", metadata: { rows: 12 } }, s.asManager);
      expect(posted.status).toBe(201);
      const [exportRow] = (await entries("action=export.customers", s.asOwner)).audit_entries;
      expect(exportRow).toMatchObject({ actor_id: s.manager.id, actor_role: "manager", metadata: { rows: 12 } });

      const impersonation = await settle(api.post("/admin/audit/events", { action: "export.customers", entity: "customer", actor_id: s.owner.id }, s.asCashier));
      expect(impersonation.status).toBe(400);
      expect(impersonation.data.message).toContain("actor_id");
      expect((await settle(api.post("/admin/audit/events", { action: "auth.signin", entity: "staff" }, s.asCashier))).status).toBe(403);
      expect((await settle(api.post("/admin/audit/events", { action: "export.customers", entity: "customer" }, asSystem))).status).toBe(403);
      const bad = await settle(api.post("/admin/audit/events", { action: "staff.role_changed", entity: "" }, s.asOwner));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toMatch(/action.*entity|entity.*action/s);

      await api.post("/admin/audit/events", {
        action: "auth.signin_failed", entity: "staff", entity_id: s.cashier.id,
        actor_id: null, actor_name: null, ip: "203.0.113.9", metadata: { email: "cashier@test.local", reason: "wrong_password" },
      }, asSystem);
      const [signin] = (await entries("action=auth.*", s.asOwner)).audit_entries;
      expect(signin).toMatchObject({ action: "auth.signin_failed", actor_id: null, ip: "203.0.113.9", entity_id: s.cashier.id, metadata: { reported_by: "system:console" } });
    });

    it("is append-only at the database: UPDATE, DELETE and TRUNCATE fail, for the app's own role too", async () => {
      const s = await staff();
      await api.post("/admin/audit/events", { action: "export.inventory", entity: "inventory_item" }, s.asOwner);
      const [row] = (await entries("action=export.inventory", s.asOwner)).audit_entries;
      await expect(dbConnection.raw(`UPDATE audit_entry SET action = 'export.nothing' WHERE id = ?`, [row!.id])).rejects.toThrow(/append-only/);
      await expect(dbConnection.raw(`DELETE FROM audit_entry WHERE id = ?`, [row!.id])).rejects.toThrow(/append-only/);
      await expect(dbConnection.raw(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
      await expect(dbConnection.raw(`UPDATE audit_entry SET deleted_at = now() WHERE false`)).rejects.toThrow(/append-only/);
      const service = getContainer().resolve(AUDIT_MODULE) as { softDeleteAuditEntries(ids: string[]): Promise<unknown> };
      await expect(service.softDeleteAuditEntries([row!.id])).rejects.toThrow(/append-only/);
      expect((await entries("action=export.inventory", s.asOwner)).audit_entries).toEqual([expect.objectContaining({ id: row!.id, action: "export.inventory" })]);
    });

    it("filters by person, record, action and shop days, and pages by keyset", async () => {
      const s = await staff();
      for (let i = 0; i < 5; i++) {
        await api.post("/admin/audit/events", { action: "export.customers", entity: "customer", metadata: { n: i } }, i % 2 ? s.asOwner : s.asManager);
      }
      await api.post(`/admin/staff/${s.cashier.id}`, { name: "Siti Aminah" }, s.asOwner);

      expect((await entries(`actor_id=${s.manager.id}`, s.asOwner)).audit_entries.map((r) => r.metadata?.n)).toEqual([4, 2, 0]);
      expect((await entries("action=export.*", s.asOwner)).audit_entries).toHaveLength(5);
      expect((await entries("action=staff.updated", s.asOwner)).audit_entries).toHaveLength(1);
      expect((await entries(`entity=staff&entity_id=${s.cashier.id}`, s.asOwner)).audit_entries.map((r) => r.action)).toEqual(["staff.updated"]);

      const today = shopDay(new Date());
      expect((await entries(`from=${today}&to=${today}&entity=customer`, s.asOwner)).audit_entries).toHaveLength(5);
      expect((await entries(`to=2020-01-01`, s.asOwner)).audit_entries).toEqual([]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { audit_entries: AuditEntry[]; next_cursor: string | null } = await entries(`entity=customer&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, s.asOwner);
        expect(page.audit_entries.length).toBeLessThanOrEqual(2);
        seen.push(...page.audit_entries.map((r) => r.id));
        cursor = page.next_cursor;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);
      expect(seen).toEqual((await entries("entity=customer", s.asOwner)).audit_entries.map((r) => r.id));

      const bad = await settle(api.get("/admin/audit?from=2026-13-01&limit=0&cursor=x", s.asOwner));
      expect(bad.status).toBe(400);
      for (const field of ["from", "limit", "cursor"]) expect(bad.data.message).toContain(field);
    });
  },
});
