import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { auditChainReportSchema, type AuditChainAnswer } from "@voltura/contracts";
import { authHeaders, createStaffUser, settle, newStaffHeaders } from "./helpers";

type Headers = { headers: Record<string, string> };
type ChainRow = { id: string; seq: string; prev_hash: string; row_hash: string };
/** The part of the runner's knex connection a transaction body uses. */
type Trx = { raw(sql: string, bindings?: readonly unknown[]): Promise<unknown> };

medusaIntegrationTestRunner({
  dbName: "voltura_it_audit_chain",
  testSuite: ({ api, getContainer, dbConnection }) => {
    async function roles() {
      const owner = await createStaffUser(getContainer(), "owner");
      return {
        asOwner: await authHeaders(owner.id, "owner"),
        asManager: await newStaffHeaders(getContainer(), "manager"),
        asCashier: await newStaffHeaders(getContainer(), "cashier"),
        asSystem: await authHeaders("system:worker", "system"),
      };
    }
    async function chain(headers: Headers): Promise<AuditChainAnswer> {
      return auditChainReportSchema.parse((await api.get("/admin/audit/chain", headers)).data);
    }
    async function postEvents(n: number, headers: Headers) {
      for (let i = 0; i < n; i++) await api.post("/admin/audit/events", { action: "export.customers", entity: "customer", metadata: { n: i } }, headers);
    }
    async function chainRows(table = "public.audit_entry"): Promise<ChainRow[]> {
      return (await dbConnection.raw(`SELECT t.id, t.seq::text AS seq, t.prev_hash, t.row_hash FROM ${table} t ORDER BY t.seq`)).rows;
    }
    /** As the database superuser, past the append-only triggers: what someone with the disk could do. */
    async function tamper(sql: string, bindings: unknown[]) {
      await dbConnection.transaction(async (trx: Trx) => {
        await trx.raw("ALTER TABLE audit_entry DISABLE TRIGGER USER");
        await trx.raw(sql, bindings);
        await trx.raw("ALTER TABLE audit_entry ENABLE TRIGGER USER");
      });
    }

    it("chains every row to the one before it; owners, managers and the worker may check it", async () => {
      const s = await roles();
      await postEvents(6, s.asOwner);
      const rows = await chainRows();
      expect(rows.length).toBeGreaterThanOrEqual(6);
      expect(rows[0]!.prev_hash).toBe("0".repeat(64));
      rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]!.row_hash));
      for (const row of rows) expect(row.row_hash).toMatch(/^[0-9a-f]{64}$/);

      const report = await chain(s.asOwner);
      expect(report).toEqual({ ok: true, checked: rows.length, first_broken: null, head: { seq: Number(rows.at(-1)!.seq), row_hash: rows.at(-1)!.row_hash } });
      expect((await chain(s.asManager)).ok).toBe(true);
      expect((await chain(s.asSystem)).ok).toBe(true);
      expect((await settle(api.get("/admin/audit/chain", s.asCashier))).status).toBe(403);
      // The inserter cannot choose its place or its hashes: the trigger sets them.
      await dbConnection.raw(`INSERT INTO audit_entry (id, action, entity, seq, prev_hash, row_hash) VALUES ('aud_forged', 'x.y', 'e', 1, 'a', 'b')`);
      const [forged] = (await dbConnection.raw(`SELECT seq::text AS seq, prev_hash FROM audit_entry WHERE id = 'aud_forged'`)).rows;
      expect(Number(forged.seq)).toBeGreaterThan(Number(rows.at(-1)!.seq));
      expect(forged.prev_hash).toBe(rows.at(-1)!.row_hash);
      // The trigger's SQL canonical text and the verifier's TypeScript one agree on awkward content.
      await dbConnection.raw(
        `INSERT INTO audit_entry (id, action, entity, actor_name, changes, metadata) VALUES ('aud_awkward', 'x.y', 'e', ?, ?::jsonb, ?::jsonb)`,
        ["Siti | \\N \\\\ 🔧 Ñoño", '{"price": {"before": 1.0, "after": 1e2}, "note": {"before": null, "after": "a|b\\\\c"}}', '{"z": 1, "aa": [true, null, "\\u00e9"]}'],
      );
      expect(await chain(s.asOwner)).toMatchObject({ ok: true, checked: rows.length + 2 });
    });

    it("reports exactly the edited row as the first broken one", async () => {
      const s = await roles();
      await postEvents(5, s.asManager);
      const rows = await chainRows();
      const victim = rows[2]!;
      await tamper(`UPDATE audit_entry SET metadata = '{"n": 99}'::jsonb WHERE id = ?`, [victim.id]);
      expect(await chain(s.asOwner)).toMatchObject({ ok: false, first_broken: { id: victim.id, seq: Number(victim.seq), reason: "content_changed" } });

      // Recomputing the edited row's own hash only moves the break to the next row.
      await tamper(`UPDATE audit_entry SET row_hash = encode(sha256(convert_to(prev_hash || '|' || audit_entry_canonical(id, seq, occurred_at, actor_id, actor_role, actor_name, action, entity, entity_id, changes, metadata, request_id, ip), 'UTF8')), 'hex') WHERE id = ?`, [victim.id]);
      expect((await chain(s.asOwner)).first_broken).toEqual({ id: rows[3]!.id, seq: Number(rows[3]!.seq), reason: "link_broken" });
    });

    it("detects a deleted row at the row after it", async () => {
      const s = await roles();
      await postEvents(5, s.asOwner);
      const rows = await chainRows();
      await tamper(`DELETE FROM audit_entry WHERE id = ?`, [rows[1]!.id]);
      const report = await chain(s.asSystem);
      expect(report.ok).toBe(false);
      expect(report.first_broken).toEqual({ id: rows[2]!.id, seq: Number(rows[2]!.seq), reason: "link_broken" });
      expect(report.checked).toBe(2);
    });

    it("keeps a single unbroken chain under 20 concurrent inserts", async () => {
      const s = await roles();
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => api.post("/admin/audit/events", { action: "export.inventory", entity: "inventory_item", metadata: { i } }, s.asOwner)),
      );
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => dbConnection.raw(`INSERT INTO audit_entry (id, action, entity) VALUES (?, 'export.parallel', 'e')`, [`aud_parallel_${i}`])),
      );
      const rows = await chainRows();
      expect(rows.filter((r) => r.id.startsWith("aud_parallel_"))).toHaveLength(10);
      expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
      rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i]!.row_hash));
      expect(await chain(s.asOwner)).toMatchObject({ ok: true, checked: rows.length });
    });

    it("moves rows older than audit_hot_years to the archive, keeps every row and the chain verifiable", async () => {
      const s = await roles();
      expect(Number((await dbConnection.raw(`SELECT count(*) FROM audit_entry`)).rows[0].count)).toBe(0);
      await dbConnection.raw(
        `INSERT INTO audit_entry (id, action, entity, occurred_at)
         SELECT 'aud_old_' || g, 'staff.updated', 'staff', now() - interval '3 years' + g * interval '1 minute' FROM generate_series(1, 30) g`,
      );
      await postEvents(4, s.asOwner);
      const before = await chainRows();

      expect((await settle(api.put("/admin/audit/settings", { audit_hot_years: 0 }, s.asOwner))).data.message).toContain("audit_hot_years");
      expect((await settle(api.put("/admin/audit/settings", { audit_hot_years: 5 }, s.asManager))).status).toBe(403);
      expect((await api.put("/admin/audit/settings", { audit_hot_years: 5 }, s.asOwner)).data.settings.audit_hot_years).toBe(5);
      expect((await api.post("/admin/audit/archive-runs", {}, s.asSystem)).data).toMatchObject({ moved: 0, audit_hot_years: 5 });
      expect((await settle(api.post("/admin/audit/archive-runs", {}, s.asOwner))).status).toBe(403);

      await api.put("/admin/audit/settings", { audit_hot_years: 2 }, s.asOwner);
      const run = (await api.post("/admin/audit/archive-runs", {}, s.asSystem)).data;
      expect(run).toMatchObject({ moved: 30, first_seq: Number(before[0]!.seq), last_seq: Number(before[29]!.seq), audit_hot_years: 2 });
      expect((await api.post("/admin/audit/archive-runs", {}, s.asSystem)).data.moved).toBe(0);

      const archived = await chainRows("archive.audit_entry");
      const hot = await chainRows();
      expect(archived.map((r) => r.id)).toEqual(before.slice(0, 30).map((r) => r.id));
      expect(archived).toEqual(before.slice(0, 30));
      expect(hot.slice(0, before.length - 30)).toEqual(before.slice(30));
      // settings_updated ×2 and audit.archived ×2 were appended after.
      expect(await chain(s.asOwner)).toMatchObject({ ok: true, checked: archived.length + hot.length, first_broken: null });

      // The archive is append-only, and only archived rows may leave the hot table.
      await expect(dbConnection.raw(`DELETE FROM archive.audit_entry WHERE id = 'aud_old_1'`)).rejects.toThrow(/append-only/);
      await expect(dbConnection.raw(`UPDATE archive.audit_entry SET action = 'x' WHERE id = 'aud_old_1'`)).rejects.toThrow(/append-only/);
      await expect(
        dbConnection.transaction(async (trx: Trx) => {
          await trx.raw(`SET LOCAL voltura.audit_archiving = 'on'`);
          await trx.raw(`DELETE FROM audit_entry WHERE id = ?`, [hot[0]!.id]);
        }),
      ).rejects.toThrow(/only once archived/);
      await expect(dbConnection.raw(`SELECT * FROM audit_entry_archive(now(), 10)`)).rejects.toThrow(/at least a year/);

      // A tampered archived row is found as well.
      await dbConnection.transaction(async (trx: Trx) => {
        await trx.raw("ALTER TABLE archive.audit_entry DISABLE TRIGGER USER");
        await trx.raw(`UPDATE archive.audit_entry SET actor_name = 'someone' WHERE id = 'aud_old_7'`);
        await trx.raw("ALTER TABLE archive.audit_entry ENABLE TRIGGER USER");
      });
      expect((await chain(s.asOwner)).first_broken).toEqual({ id: "aud_old_7", seq: Number(before[6]!.seq), reason: "content_changed" });
    });
  },
});
