import { createRequire } from "node:module";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { planNodes, type PlanNode } from "./plans";

const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
// The exact SQL the routes run (the package's "modules/*" export only reaches a module's index).
const pluginDir = path.dirname(requireCjs.resolve("@voltura/plugin-operations/package.json"));
const { OPERATIONS_SQL } = requireCjs(path.join(pluginDir, ".medusa/server/src/modules/operations/sql/list-queries.js")) as {
  OPERATIONS_SQL: Record<"catalog" | "newestCompleted" | "runningManual" | "restoreTests" | "restoreRuns" | "activeRestore" | "openAlerts" | "allAlerts"
    | "resolveKind" | "optimisationRuns" | "dueBackups" | "dueRestores", string>;
};

/** Far more rows than a shop makes in years, so PostgreSQL prefers an index whenever one fits; the plans are asserted. */
const ROWS = 20_000;

medusaIntegrationTestRunner({
  dbName: "voltura_it_operations_scale",
  testSuite: ({ getContainer }) => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- plan JSON and seeded rows
    const sql = async (text: string, bindings: Array<string | number | boolean | null | Date | string[] | number[]> = []) => (await getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(text, bindings)).rows as any[];
    const explain = async (statement: string, bindings: Array<string | number | boolean | null | Date | string[] | number[]> = []) => {
      const [row] = await sql(`EXPLAIN (FORMAT JSON) ${statement}`, bindings);
      const nodes = planNodes((row["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0]!.Plan);
      return {
        seqScans: nodes.filter((n) => n["Node Type"] === "Seq Scan").map((n) => n["Relation Name"]),
        indexes: nodes.map((n) => n["Index Name"]).filter(Boolean),
      };
    };

    beforeAll(async () => {
      await sql(`INSERT INTO operations_backup (id, kind, status, started_at, finished_at, bytes, local, verification)
        SELECT 'bk-' || to_char(t, 'YYYYMMDD"T"HH24MISS"Z"') || '-daily', 'daily',
          CASE WHEN g % 97 = 0 THEN 'failed' WHEN g % 13 = 0 THEN 'deleted' ELSE 'completed' END, t, t + interval '5 minutes', 1000000, true, 'unverified'
        FROM generate_series(1, ?) g, LATERAL (SELECT timestamptz '2020-01-01' + g * interval '1 hour' AS t) s`, [ROWS]);
      await sql(`INSERT INTO operations_restore_test (id, backup_id, idempotency_key, ok, started_at, finished_at, result)
        SELECT 'rtest_' || g, 'bk-x', 'key-' || g, g % 11 <> 0, timestamptz '2020-01-01' + g * interval '1 hour', timestamptz '2020-01-01' + g * interval '1 hour' + interval '9 minutes', '{}'::jsonb
        FROM generate_series(1, ?) g`, [ROWS]);
      await sql(`INSERT INTO operations_restore_run (id, backup_id, mode, status, log, created_at)
        SELECT 'rr_' || g, 'bk-x', 'copy', CASE WHEN g % 7 = 0 THEN 'failed' ELSE 'completed' END, '[]'::jsonb, timestamptz '2020-01-01' + g * interval '1 hour'
        FROM generate_series(1, ?) g`, [ROWS]);
      await sql(`INSERT INTO operations_alert (id, key, kind, message, raised_at, resolved_at)
        SELECT 'oalert_' || g, 'backup_stale:' || g, 'backup_stale', 'stale', timestamptz '2020-01-01' + g * interval '1 hour',
          CASE WHEN g % 500 = 0 THEN NULL ELSE timestamptz '2020-01-01' + g * interval '1 hour' + interval '2 hours' END
        FROM generate_series(1, ?) g`, [ROWS]);
      await sql(`INSERT INTO operations_optimisation_run (id, idempotency_key, started_at, finished_at, ok, result)
        SELECT 'oopt_' || g, 'opt-' || g, timestamptz '2020-01-01' + g * interval '1 hour', timestamptz '2020-01-01' + g * interval '1 hour' + interval '1 minute', true, '{}'::jsonb
        FROM generate_series(1, ?) g`, [ROWS]);
      for (const table of ["operations_backup", "operations_restore_test", "operations_restore_run", "operations_alert", "operations_optimisation_run"]) {
        await sql(`ANALYZE ${table}`);
      }
    });

    it("reads every operations list through its index, with no sequential scan", async () => {
      const cases: Array<[keyof typeof OPERATIONS_SQL, Array<string | number>, string | RegExp]> = [
        ["catalog", [200], "IDX_operations_backup_started_at"],
        ["newestCompleted", [], "IDX_operations_backup_completed"],
        ["runningManual", [6], "IDX_operations_backup_started_at"],
        ["restoreTests", [20], "IDX_operations_restore_test_finished"],
        ["restoreRuns", [50], "IDX_operations_restore_run_created"],
        ["activeRestore", [], "IDX_operations_restore_run_one_active"],
        // Either partial index on open alerts fits (a few open rows, sorted after).
        ["openAlerts", [], /^IDX_operations_alert_open(_kind)?$/],
        ["allAlerts", [], "IDX_operations_alert_raised"],
        ["resolveKind", ["backup_stale"], "IDX_operations_alert_open_kind"],
        ["optimisationRuns", [50], "IDX_operations_optimisation_run_started"],
        ["dueBackups", [], "IDX_operations_backup_due"],
        ["dueRestores", [], "IDX_operations_restore_run_due"],
      ];
      for (const [name, bindings, index] of cases) {
        const plan = await explain(OPERATIONS_SQL[name], bindings);
        expect({ name, seqScans: plan.seqScans }).toEqual({ name, seqScans: [] });
        if (typeof index === "string") expect(plan.indexes, name).toContain(index);
        else expect(plan.indexes.some((i) => index.test(String(i))), `${name}: ${plan.indexes.join(", ")}`).toBe(true);
      }
    });

    it("answers the same rows the lists promise", async () => {
      const catalog = await sql(OPERATIONS_SQL.catalog, [3]);
      expect(catalog.map((b) => b.id)).toEqual(["bk-20220413T080000Z-daily", "bk-20220413T070000Z-daily", "bk-20220413T060000Z-daily"]);
      const [newest] = await sql(OPERATIONS_SQL.newestCompleted);
      expect(newest.status).toBe("completed");
      expect(newest.id).toBe("bk-20220413T080000Z-daily");
      expect((await sql(OPERATIONS_SQL.openAlerts)).length).toBe(ROWS / 500);
      expect((await sql(OPERATIONS_SQL.restoreRuns, [2])).map((r) => r.id)).toEqual([`rr_${ROWS}`, `rr_${ROWS - 1}`]);
      expect(await sql(OPERATIONS_SQL.activeRestore)).toEqual([]);
    });
  },
});
