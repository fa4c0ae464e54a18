import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { asValue } from "@medusajs/framework/awilix";
import { authHeaders, settle, newStaffHeaders } from "./helpers";

const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
const recovery = requireCjs("@voltura/plugin-operations/jobs/operations-start-recovery") as typeof import("@voltura/plugin-operations/jobs/operations-start-recovery");

type Headers = { headers: Record<string, string> };
type Started = { workflowType: string; workflowId: string; taskQueue: string; args: unknown[] };

const OWNER_PHONE = "+60123330001";
const B = {
  daily1: "bk-20261201T030000Z-daily",
  daily2: "bk-20261202T030000Z-daily",
  weekly: "bk-20261206T030000Z-weekly",
};
const completed = (backupId: string, kind: string, extra: Record<string, unknown> = {}) => ({
  backupId, kind, status: "completed", startedAt: "2026-12-01T03:00:00.000Z", finishedAt: "2026-12-01T03:05:00.000Z",
  bytes: 3_500_000_000, sha256: "a".repeat(64), keyId: "b-20261207-d4e5f6", appVersion: "0.1.0", tableCount: 240, rowCount: 1_234_567,
  uploadCount: 12, local: true, external: false, ...extra,
});
const restoreTest = (backupId: string, key: string, ok: boolean, finishedAt = "2026-12-07T04:10:00.000Z") => ({
  idempotency_key: key, backupId, ok, startedAt: "2026-12-07T04:00:00.000Z", finishedAt, migrationsOk: true,
  tablesChecked: 240, uploadsChecked: 12, mismatches: ok ? [] : ["public.customer: rows 10 ≠ 11"],
});

medusaIntegrationTestRunner({
  dbName: "voltura_it_operations",
  testSuite: ({ api, getContainer }) => {
    let as: Record<"owner" | "manager" | "cashier" | "technician" | "system", Headers>;
    const started: Started[] = [];
    let temporalDown = false;
    const sql = async (text: string, bindings: Array<string | number | boolean | null | Date | string[] | number[]> = []) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are asserted field by field
      (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows as Record<string, any>[];
    const waitForCache = () => new Promise((r) => setTimeout(r, 2_100));
    // Each test starts from the database as beforeAll left it (the runner restores it): seed what a test needs.
    const seedBackups = async () => {
      await api.post("/admin/operations/backups", completed(B.daily1, "daily"), as.system);
      await api.post("/admin/operations/backups", completed(B.daily2, "daily", { startedAt: "2026-12-02T03:00:00.000Z", finishedAt: "2026-12-02T03:04:00.000Z" }), as.system);
      return (await api.post("/admin/operations/backups",
        completed(B.weekly, "weekly", { startedAt: "2026-12-06T03:00:00.000Z", finishedAt: "2026-12-06T03:06:00.000Z", external: true }), as.system)).data.backup;
    };

    beforeAll(async () => {
      const container = getContainer();
      // Temporal as a recorder: what was started, with which id and arguments (or down, to leave starts due).
      container.register("temporal", asValue({
        start: async (opts: Started) => {
          if (temporalDown) throw new Error("Temporal down (test)");
          if (!started.some((s) => s.workflowId === opts.workflowId)) started.push(opts);
          return { workflowId: opts.workflowId, runId: null };
        },
      }));
      const ownerUser = await container.resolve("user").createUsers({
        email: `owner-ops-${Date.now()}@test.local`, first_name: "Tan", last_name: "Owner", metadata: { role: "owner", active: true, phone: OWNER_PHONE },
      });
      as = {
        owner: await authHeaders(ownerUser.id, "owner"),
        manager: await newStaffHeaders(container, "manager"),
        cashier: await newStaffHeaders(container, "cashier"),
        technician: await newStaffHeaders(container, "technician"),
        system: await authHeaders("system:temporal-worker", "system"),
      };
      // The owners' WhatsApp alerts go out through this app's own gateway route.
      process.env.MEDUSA_BACKEND_URL = String(api.defaults.baseURL);
      await api.post("/admin/whatsapp/sessions", { name: "Shop (simulator)", kind: "simulator", is_default: true, paired: true }, as.owner);
    });

    it("refuses managers, cashiers and the worker where owners alone may act", async () => {
      const refusals: Array<[string, string, keyof typeof as, unknown?]> = [
        ["post", "/admin/operations/backups", "manager", {}],
        ["post", `/admin/operations/backups/${B.daily1}/restore`, "manager", { mode: "restore", confirmation: "RESTORE" }],
        ["post", `/admin/operations/backups/${B.daily1}/restore`, "system", { mode: "restore", confirmation: "RESTORE" }],
        ["post", `/admin/operations/backups/${B.daily1}/verify`, "manager", {}],
        ["get", `/admin/operations/backups/${B.daily1}/download`, "manager"],
        ["put", "/admin/operations/settings", "manager", { backup_hour: 4 }],
        ["put", "/admin/operations/settings", "system", { backup_hour: 4 }],
        ["get", "/admin/operations/overview", "manager"],
        ["get", "/admin/operations/backups", "manager"],
        ["get", "/admin/operations/restores", "manager"],
        ["get", "/admin/operations/alerts", "cashier"],
        ["post", "/admin/operations/alerts", "owner", { key: "k", kind: "disk_low", message: "m" }],
        ["post", "/admin/operations/backups/sync", "owner", { backups: [] }],
        ["get", "/admin/operations/freshness", "owner"],
      ];
      for (const [method, url, who, body] of refusals) {
        const r = await settle(method === "get" ? api.get(url, as[who]) : (api as never as Record<string, (u: string, b: unknown, h: Headers) => Promise<unknown>>)[method]!(url, body, as[who]));
        expect({ method, url, who, status: r.status }).toEqual({ method, url, who, status: 403 });
      }
      for (const who of ["owner", "manager", "cashier", "technician", "system"] as const) {
        expect((await api.get("/admin/operations/maintenance", as[who])).data).toMatchObject({ on: false, neutralised: false });
      }
      expect((await api.get("/admin/operations/alerts", as.manager)).status).toBe(200);
      expect((await api.get("/admin/operations/settings", as.system)).status).toBe(200);
    });

    it("upserts the worker's backups, then makes the catalog the storage's list", async () => {
      expect((await api.post("/admin/operations/backups", completed(B.daily1, "daily"), as.system)).data.backup)
        .toMatchObject({ id: B.daily1, status: "completed", bytes: 3_500_000_000, row_count: 1_234_567, verification: "unverified", local: true });
      const weekly = await seedBackups();
      expect(weekly.external_copied_at).not.toBeNull();
      // A late "running" report never demotes a completed backup.
      await api.post("/admin/operations/backups", { backupId: B.daily1, kind: "daily", status: "running", startedAt: "2026-12-01T03:00:00.000Z" }, as.system);

      const missing = await settle(api.post("/admin/operations/backups", { backupId: B.daily1, kind: "daily", startedAt: "2026-12-01T03:00:00.000Z" }, as.system));
      expect(missing.status).toBe(400);
      expect(missing.data.message).toContain("sha256");

      const synced = await api.post("/admin/operations/backups/sync", { backups: [completed(B.daily1, "daily"), completed(B.weekly, "weekly", { startedAt: "2026-12-06T03:00:00.000Z", finishedAt: "2026-12-06T03:06:00.000Z", local: false, external: true })] }, as.system);
      expect(synced.data).toEqual({ upserted: 2, deleted: 1 });
      const catalog = (await api.get("/admin/operations/backups", as.owner)).data;
      const byId = Object.fromEntries(catalog.backups.map((b: { id: string }) => [b.id, b]));
      expect(byId[B.daily1]).toMatchObject({ status: "completed", local: true });
      expect(byId[B.daily2]).toMatchObject({ status: "deleted", local: false, external: false });
      expect(byId[B.weekly]).toMatchObject({ status: "completed", local: false, external: true });
      expect(catalog.backups.map((b: { id: string }) => b.id)).toEqual([B.weekly, B.daily2, B.daily1]);

      const fresh = (await api.get("/admin/operations/freshness", as.system)).data;
      expect(fresh.newest_completed_at).toBe("2026-12-06T03:06:00.000Z");
      expect(fresh.age_hours).toBeGreaterThan(0);
    });

    it("starts a manual backup once, after its row committed, as runBackup with a deterministic id", async () => {
      const r = await api.post("/admin/operations/backups", {}, as.owner);
      expect(r.status).toBe(202);
      expect(r.data.backup_id).toMatch(/^bk-\d{8}T\d{6}Z-manual$/);
      expect(r.data.workflow_id).toBe(`backup-${r.data.backup_id}`);
      expect(started.find((s) => s.workflowId === r.data.workflow_id)).toMatchObject({
        workflowType: "runBackup", taskQueue: "voltura-repair", args: [{ kind: "manual", backupId: r.data.backup_id }],
      });
      const [row] = await sql(`SELECT status, start_due, requested_by FROM operations_backup WHERE id = ?`, [r.data.backup_id]);
      expect(row).toMatchObject({ status: "running", start_due: false });
      expect(row!.requested_by).toContain("Test owner");
      const again = await settle(api.post("/admin/operations/backups", {}, as.owner));
      expect(again).toMatchObject({ status: 409, data: { type: "backup_in_progress" } });
      const audit = await sql(`SELECT action, actor_role FROM audit_entry WHERE entity_id = ?`, [r.data.backup_id]);
      expect(audit).toEqual([{ action: "operations.backup.start", actor_role: "owner" }]);
      await api.post("/admin/operations/backups", completed(r.data.backup_id, "manual"), as.system);
    });

    it("starts a verification and records its result idempotently", async () => {
      await seedBackups();
      const v = await api.post(`/admin/operations/backups/${B.daily1}/verify`, {}, as.owner);
      expect(v.status).toBe(202);
      expect(v.data.workflow_id).toBe(`verify-${B.daily1}-1`);
      expect(started.find((s) => s.workflowId === v.data.workflow_id)).toMatchObject({ workflowType: "verifyBackupWorkflow", args: [{ backupId: B.daily1 }] });
      expect((await api.post(`/admin/operations/backups/${B.daily1}/verify`, {}, as.owner)).data.workflow_id).toBe(`verify-${B.daily1}-2`);

      const first = await api.post(`/admin/operations/backups/${B.daily1}/verifications`, restoreTest(B.daily1, "rt-1", true), as.system);
      expect(first.data.backup).toMatchObject({ verification: "verified", verified_at: "2026-12-07T04:10:00.000Z" });
      const replay = await api.post(`/admin/operations/backups/${B.daily1}/verifications`, restoreTest(B.daily1, "rt-1", true), as.system);
      expect(replay.data.restore_test.id).toBe(first.data.restore_test.id);
      expect(await sql(`SELECT count(*)::int AS n FROM operations_restore_test WHERE idempotency_key = 'rt-1'`)).toEqual([{ n: 1 }]);
      const reused = await settle(api.post(`/admin/operations/backups/${B.daily1}/verifications`, restoreTest(B.daily1, "rt-1", false), as.system));
      expect(reused).toMatchObject({ status: 409, data: { type: "idempotency_key_reused", field: "idempotency_key" } });
      const wrongPath = await settle(api.post(`/admin/operations/backups/${B.weekly}/verifications`, restoreTest(B.daily1, "rt-x", true), as.system));
      expect(wrongPath.status).toBe(400);
      expect(wrongPath.data.message).toContain("backupId");

      // An older failing test does not undo a newer proof; a newer one does.
      await api.post(`/admin/operations/backups/${B.daily1}/verifications`, restoreTest(B.daily1, "rt-old", false, "2026-12-05T04:10:00.000Z"), as.system);
      expect((await api.get("/admin/operations/backups", as.owner)).data.backups.find((b: { id: string }) => b.id === B.daily1).verification).toBe("verified");
      const failed = await api.post(`/admin/operations/backups/${B.daily1}/verifications`, restoreTest(B.daily1, "rt-2", false, "2026-12-08T04:10:00.000Z"), as.system);
      expect(failed.data.backup.verification).toBe("failed");
      const catalog = (await api.get("/admin/operations/backups", as.owner)).data;
      expect(catalog.restore_tests.map((t: { id: string }) => t.id)[0]).toBe(failed.data.restore_test.id);
    });

    it("restores only with the typed word, one at a time, and starts the run even after Temporal was down", async () => {
      await seedBackups();
      await sql(`UPDATE operations_backup SET status = 'deleted', local = false WHERE id = ?`, [B.daily2]);
      const lower = await settle(api.post(`/admin/operations/backups/${B.weekly}/restore`, { mode: "restore", confirmation: "restore" }, as.owner));
      expect(lower.status).toBe(400);
      expect(lower.data.message).toMatch(/confirmation/);
      const crossed = await settle(api.post(`/admin/operations/backups/${B.weekly}/restore`, { mode: "copy", confirmation: "RESTORE" }, as.owner));
      expect(crossed.data.message).toMatch(/confirmation: type COPY/);
      const gone = await settle(api.post(`/admin/operations/backups/${B.daily2}/restore`, { mode: "restore", confirmation: "RESTORE" }, as.owner));
      expect(gone).toMatchObject({ status: 409, data: { type: "backup_not_restorable" } });

      temporalDown = true;
      const r = await api.post(`/admin/operations/backups/${B.weekly}/restore`, { mode: "restore", confirmation: "RESTORE" }, as.owner);
      temporalDown = false;
      expect(r.status).toBe(202);
      const run = r.data.run;
      expect(run).toMatchObject({ backup_id: B.weekly, mode: "restore", status: "pending", log: [], workflow_id: `restore-${run.id}` });
      expect(run.id).toMatch(/^rr_/);
      expect(await sql(`SELECT start_due FROM operations_restore_run WHERE id = ?`, [run.id])).toEqual([{ start_due: true }]);
      expect(started.some((s) => s.workflowId === run.workflow_id)).toBe(false);

      const second = await settle(api.post(`/admin/operations/backups/${B.daily1}/restore`, { mode: "copy", confirmation: "COPY" }, as.owner));
      expect(second).toMatchObject({ status: 409, data: { type: "restore_in_progress" } });

      await recovery.default(getContainer());
      expect(started.find((s) => s.workflowId === `restore-${run.id}`)).toMatchObject({
        workflowType: "restoreBackup", taskQueue: "voltura-repair",
        args: [{ runId: run.id, backupId: B.weekly, mode: "restore", requestedBy: expect.stringContaining("Test owner") }],
      });
      expect(await sql(`SELECT start_due FROM operations_restore_run WHERE id = ?`, [run.id])).toEqual([{ start_due: false }]);

      // The worker writes the steps and the log by SQL; the console reads them back.
      await sql(`UPDATE operations_restore_run SET status = 'completed', step = 'resume', log = ?::jsonb WHERE id = ?`,
        [JSON.stringify([{ at: "2026-12-07T05:00:00.000Z", step: "check", level: "info", message: "compatible" }]), run.id]);
      const read = (await api.get(`/admin/operations/restores/${run.id}`, as.owner)).data.run;
      expect(read).toMatchObject({ status: "completed", step: "resume", log: [{ step: "check", level: "info", message: "compatible" }] });
      expect((await api.get("/admin/operations/restores", as.owner)).data.runs.map((x: { id: string }) => x.id)).toContain(run.id);
      expect((await sql(`SELECT action FROM audit_entry WHERE entity_id = ?`, [run.id])).map((a) => a.action)).toEqual(["operations.restore.start"]);

      const copy = await api.post(`/admin/operations/backups/${B.daily1}/restore`, { mode: "copy", confirmation: "COPY" }, as.owner);
      expect(copy.status).toBe(202);
      expect(started.find((s) => s.workflowId === `restore-${copy.data.run.id}`)).toBeDefined();
      await sql(`UPDATE operations_restore_run SET status = 'failed' WHERE id = ?`, [copy.data.run.id]);
    });

    it("refuses writes with 503 in maintenance mode, keeping reads and the operations routes open", async () => {
      await sql(`UPDATE operations_maintenance SET "on" = true, reason = 'restoring a backup', since = now(), "by" = 'system:temporal-worker' WHERE id = 'shop'`);
      await waitForCache();
      const write = await settle(api.post("/admin/crm/customers", { name: "Wan Maint", phone: "+60123339999" }, as.manager));
      expect(write.status).toBe(503);
      expect(write.data).toEqual({ type: "maintenance_mode", message: expect.stringContaining("restoring a backup") });
      expect((await settle(api.post("/public/campaigns/opt-out/some-token", {}))).status).toBe(503);
      expect((await api.get("/admin/repair-jobs", as.manager)).status).toBe(200);
      expect((await api.get("/admin/operations/maintenance", as.cashier)).data).toMatchObject({ on: true, reason: "restoring a backup", by: "system:temporal-worker" });
      expect((await api.put("/admin/operations/settings", { backup_hour: 4 }, as.owner)).status).toBe(200);
      expect((await api.post("/admin/operations/alerts/resolve", { kind: "disk_low" }, as.system)).status).toBe(200);

      await sql(`UPDATE operations_maintenance SET "on" = false, reason = NULL, since = NULL WHERE id = 'shop'`);
      await waitForCache();
      expect((await api.post("/admin/crm/customers", { name: "Wan Maint", phone: "+60123339999" }, as.manager)).status).toBe(201);
    });

    it("keeps the settings above their minimums, naming the field, and audits each change", async () => {
      const defaults = (await api.get("/admin/operations/settings", as.owner)).data.settings;
      expect(defaults).toMatchObject({ daily_retention_days: 30, external_retention_weeks: 12, restore_test_weekday: 0, external_force_path_style: true });
      for (const [field, value] of [["daily_retention_days", 6], ["external_retention_weeks", 3], ["backup_hour", 24], ["restore_test_weekday", -1]] as const) {
        const r = await settle(api.put("/admin/operations/settings", { [field]: value }, as.owner));
        expect({ field, status: r.status }).toEqual({ field, status: 400 });
        expect(r.data.message).toContain(field);
      }
      const unknown = await settle(api.put("/admin/operations/settings", { backup_s3_secret_access_key: "x" }, as.owner));
      expect(unknown.status).toBe(400);
      const saved = (await api.put("/admin/operations/settings", { daily_retention_days: 7, external_bucket: "voltura-backups", external_endpoint: "http://127.0.0.1:9000" }, as.owner)).data.settings;
      expect(saved).toMatchObject({ daily_retention_days: 7, external_bucket: "voltura-backups", external_endpoint: "http://127.0.0.1:9000", backup_hour: 3 });
      const [audit] = await sql(`SELECT changes FROM audit_entry WHERE action = 'operations.settings.update' ORDER BY occurred_at DESC LIMIT 1`);
      expect(audit!.changes).toMatchObject({ daily_retention_days: { before: 30, after: 7 }, external_bucket: { before: null, after: "voltura-backups" } });
    });

    it("raises an alert once per key, telling each owner once on WhatsApp, and resolves by kind", async () => {
      const body = { key: "backup_failed:bk-20261207T030000Z-daily", kind: "backup_failed", message: "The daily backup failed: disk full." };
      const first = await api.post("/admin/operations/alerts", body, as.system);
      expect(first.status).toBe(201);
      expect(first.data).toMatchObject({ raised: true, alert: { key: body.key, kind: "backup_failed", resolved_at: null } });
      expect(first.data.alert.notified_at).not.toBeNull();
      const again = await api.post("/admin/operations/alerts", { ...body, message: "Still failing." }, as.system);
      expect(again.status).toBe(200);
      expect(again.data).toMatchObject({ raised: false, alert: { id: first.data.alert.id, message: body.message } });
      const sent = await sql(`SELECT phone, body, context_kind FROM whatsapp_message WHERE context_ref = ? AND direction = 'out'`, [body.key]);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ phone: OWNER_PHONE, context_kind: "alert" });
      expect(sent[0]!.body).toContain("A backup failed");

      const open = (await api.get("/admin/operations/alerts", as.manager)).data.alerts;
      expect(open.map((a: { key: string }) => a.key)).toContain(body.key);
      expect((await api.post("/admin/operations/alerts/resolve", { kind: "backup_failed" }, as.system)).data).toEqual({ resolved: 1 });
      expect((await api.get("/admin/operations/alerts", as.owner)).data.alerts.map((a: { key: string }) => a.key)).not.toContain(body.key);
      expect((await api.get("/admin/operations/alerts?status=all", as.owner)).data.alerts[0]).toMatchObject({ key: body.key, resolved_at: expect.any(String) });
      const bad = await settle(api.post("/admin/operations/alerts", { key: "x", kind: "meteor", message: "m" }, as.system));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("kind");
    });

    it("streams a local backup file to owners (audited) and answers 404 for one only in the bucket", async () => {
      await seedBackups();
      await sql(`UPDATE operations_backup SET local = false WHERE id = ?`, [B.weekly]);
      const dir = process.env.BACKUP_DIR!;
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `${B.daily1}.vsbk`);
      writeFileSync(file, Buffer.from("VSBK-test-payload-0123456789"));
      try {
        const r = await api.get(`/admin/operations/backups/${B.daily1}/download`, { ...as.owner, responseType: "arraybuffer" });
        expect(r.status).toBe(200);
        expect(r.headers["content-disposition"]).toBe(`attachment; filename="${B.daily1}.vsbk"`);
        expect(Buffer.from(r.data).equals(readFileSync(file))).toBe(true);
        expect((await sql(`SELECT action FROM audit_entry WHERE entity_id = ? AND action = 'operations.backup.download'`, [B.daily1])).length).toBe(1);
      } finally {
        rmSync(file, { force: true });
      }
      expect((await settle(api.get(`/admin/operations/backups/${B.weekly}/download`, as.owner))).status).toBe(404);
      expect((await settle(api.get("/admin/operations/backups/..%2F..%2Fetc%2Fpasswd/download", as.owner))).status).toBe(404);
    });

    it("shows owners the overview: sizes, disks, version, migrations, WhatsApp, alerts, the newest backup", async () => {
      await seedBackups();
      await api.post(`/admin/operations/backups/${B.daily1}/verifications`, restoreTest(B.daily1, "rt-overview", true), as.system);
      await api.post("/admin/operations/alerts", { key: "disk_low:backups", kind: "disk_low", message: "Backups disk 9 % free." }, as.system);
      const o = (await api.get("/admin/operations/overview", as.owner)).data;
      expect(o.database.bytes).toBeGreaterThan(1_000_000);
      expect(o.database.tables.length).toBeGreaterThan(5);
      expect(o.database.tables[0].bytes).toBeGreaterThanOrEqual(o.database.tables.at(-1).bytes);
      expect(o.disks.map((d: { name: string }) => d.name).sort()).toEqual(["backups", "uploads"]);
      for (const d of o.disks) expect(d.free_ratio).toBeGreaterThanOrEqual(0);
      const rootVersion = (JSON.parse(readFileSync(path.join(process.cwd(), "..", "package.json"), "utf8")) as { version: string }).version;
      expect(o.app_version).toBe(process.env.VOLTURA_APP_VERSION || rootVersion);
      expect(o.migrations).toMatchObject({ checked: true, pending: [] });
      expect(o.migrations.applied).toBeGreaterThan(100);
      expect(o.whatsapp).toMatchObject({ total: 1, healthy: 1 });
      expect(o.maintenance.on).toBe(false);
      expect(o.newest_backup.id).toBe(B.weekly);
      expect(o.alerts.map((a: { key: string }) => a.key)).toEqual(["disk_low:backups"]);
      expect(o.newest_restore_test.backup_id).toBe(B.daily1);
    });

    it("records optimisation runs once per key", async () => {
      const body = { idempotency_key: "optimise-2026-12-06", started_at: "2026-12-06T20:30:00.000Z", finished_at: "2026-12-06T20:31:00.000Z", ok: true, result: { vacuumed: 40, reindexed: ["repair_job"] } };
      expect((await api.post("/admin/operations/optimisation-runs", body, as.system)).status).toBe(201);
      expect((await api.post("/admin/operations/optimisation-runs", body, as.system)).status).toBe(200);
      const runs = (await api.get("/admin/operations/optimisation-runs", as.owner)).data.runs;
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ ok: true, result: { reindexed: ["repair_job"] } });
    });
  },
});
