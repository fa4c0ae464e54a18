import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { settle } from "./helpers";
import { staff, type Headers } from "./repair-desk-helpers";

type Sql = { raw(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
type Member = { id: string; headers: Headers };

medusaIntegrationTestRunner({
  dbName: "voltura_it_filter_presets",
  testSuite: ({ api, getContainer }) => {
    let cashier: Member;
    let technician: Member;
    let manager: Member;
    const sql = () => getContainer().resolve<Sql>(ContainerRegistrationKeys.PG_CONNECTION);
    const save = (who: Member, body: Record<string, unknown>) => settle(api.post("/admin/filter-presets", body, who.headers));
    const listOf = async (who: Member, list = "jobs") => (await api.get(`/admin/filter-presets?list=${list}`, who.headers)).data.presets as Array<Record<string, unknown>>;

    beforeAll(async () => {
      cashier = await staff(getContainer(), "cashier");
      technician = await staff(getContainer(), "technician");
      manager = await staff(getContainer(), "manager");
    });

    it("shows a personal preset to its author only and a shared one to everyone", async () => {
      const personal = await save(cashier, { list: "jobs", name: "My overdue", query: "breached=1&sort=sla_due_at" });
      expect(personal.status).toBe(201);
      expect(personal.data.preset).toMatchObject({ list: "jobs", name: "My overdue", query: "breached=1&sort=sla_due_at", owner_id: cashier.id, shared: false, mine: true, can_delete: true });
      const shared = await save(cashier, { list: "jobs", name: "Awaiting parts", query: "status=awaiting_parts", shared: true });
      expect(shared.status).toBe(201);

      expect((await listOf(cashier)).map((p) => p.name)).toEqual(["Awaiting parts", "My overdue"]);
      const seenByTech = await listOf(technician);
      expect(seenByTech).toEqual([expect.objectContaining({ name: "Awaiting parts", shared: true, mine: false, can_delete: false })]);
      expect(await listOf(technician, "customers")).toEqual([]);
      expect((await listOf(manager))[0]).toMatchObject({ name: "Awaiting parts", can_delete: true });
    });

    it("lets only the author delete a personal preset (others get 404)", async () => {
      const { data } = await save(technician, { list: "customers", name: "Corporate", query: "type=corporate" });
      const id = data.preset.id as string;
      expect(await settle(api.delete(`/admin/filter-presets/${id}`, manager.headers))).toMatchObject({ status: 404 });
      expect(await settle(api.delete(`/admin/filter-presets/${id}`, cashier.headers))).toMatchObject({ status: 404 });
      expect(await settle(api.delete(`/admin/filter-presets/${id}`, technician.headers))).toEqual({ status: 200, data: { id, deleted: true } });
      expect(await listOf(technician, "customers")).toEqual([]);
      expect(await settle(api.delete(`/admin/filter-presets/${id}`, technician.headers))).toMatchObject({ status: 404 });
    });

    it("lets the author and managers delete a shared preset, not another colleague", async () => {
      const a = (await save(cashier, { list: "audit", name: "Exports", query: "action=export.customers", shared: true })).data.preset.id as string;
      const b = (await save(cashier, { list: "audit", name: "Sign-ins", query: "action=auth.signin", shared: true })).data.preset.id as string;
      const refused = await settle(api.delete(`/admin/filter-presets/${a}`, technician.headers));
      expect(refused.status).toBe(403);
      expect(refused.data.message).toMatch(/author, an owner or a manager/);
      expect((await settle(api.delete(`/admin/filter-presets/${a}`, manager.headers))).status).toBe(200);
      expect((await settle(api.delete(`/admin/filter-presets/${b}`, cashier.headers))).status).toBe(200);
      expect(await listOf(technician, "audit")).toEqual([]);
      const audit = await sql().raw(`SELECT action, actor_id FROM audit_entry WHERE entity = 'filter_preset' AND entity_id = ANY(?) ORDER BY seq`, [[a, b]]);
      expect(audit.rows).toEqual([
        { action: "filter_preset.created", actor_id: cashier.id },
        { action: "filter_preset.created", actor_id: cashier.id },
        { action: "filter_preset.deleted", actor_id: manager.id },
        { action: "filter_preset.deleted", actor_id: cashier.id },
      ]);
    });

    it("answers 400 naming the field on bad input", async () => {
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ list: "jobs", name: "", query: "" }, /name/],
        [{ list: "nowhere", name: "X", query: "" }, /list/],
        [{ list: "jobs", name: "X", query: "?status=pending" }, /query/],
        [{ list: "jobs", name: "X", query: "a".repeat(2001) }, /query/],
        [{ list: "jobs", name: "X", query: "status=pending", shared: "yes" }, /shared/],
        [{ list: "jobs", name: "X", query: "", owner_id: "user_x" }, /owner_id|Unrecognized/i],
        [{ list: "jobs", name: "X\u0000", query: "" }, /name/],
      ];
      for (const [body, field] of cases) {
        const r = await save(cashier, body);
        expect({ body, status: r.status }).toEqual({ body, status: 400 });
        expect(r.data.message).toMatch(field);
      }
      const badList = await settle(api.get("/admin/filter-presets?list=nowhere", cashier.headers));
      expect(badList.status).toBe(400);
      expect(badList.data.message).toMatch(/list/);
    });

    it("reads each side of the list on its own index", async () => {
      await sql().raw(`INSERT INTO filter_preset (id, list, name, query, owner_id, shared)
        SELECT 'fpre_seed_' || g, (ARRAY['jobs','customers','audit','inventory'])[1 + g % 4], 'Seed ' || g, 'q=' || g, 'user_' || (g % 500), g % 50 = 0
        FROM generate_series(1, 20000) g`);
      await sql().raw(`ANALYZE filter_preset`);
      const plan = await sql().raw(`EXPLAIN SELECT id FROM filter_preset WHERE list = 'jobs' AND owner_id = 'user_4' AND deleted_at IS NULL
        UNION SELECT id FROM filter_preset WHERE list = 'jobs' AND shared = true AND deleted_at IS NULL`);
      const text = plan.rows.map((r) => String(r["QUERY PLAN"])).join("\n");
      expect(text).toMatch(/IDX_filter_preset_list_owner_id/);
      expect(text).toMatch(/IDX_filter_preset_list_shared/);
      expect(text).not.toMatch(/Seq Scan on filter_preset/);
    });
  },
});

