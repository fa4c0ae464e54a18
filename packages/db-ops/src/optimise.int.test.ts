import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseSizes, optimiseDatabase } from "./optimise.js";
import { databaseUrlFor, quoteDatabaseName, withClient } from "./pg.js";

const serverUrl = process.env.BACKUP_DATABASE_URL || process.env.DATABASE_URL || "postgres://voltura:voltura@127.0.0.1:55432/voltura";
const dbName = `voltura_optimise_it_${randomBytes(4).toString("hex")}`;
const url = databaseUrlFor(serverUrl, dbName);
const admin = databaseUrlFor(serverUrl, "postgres");

async function stats(sql: string, params: unknown[] = []) {
  return withClient(url, async (c) => (await c.query(sql, params)).rows);
}

/** 60k rows with two indexes; deleting 4 of every 5 rows leaves pages 20 % full. */
async function seedChurnedTable(name: string) {
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE ${name} (id bigint PRIMARY KEY, code bigint NOT NULL, note text NOT NULL)`);
    await c.query(`CREATE INDEX ${name}_code_idx ON ${name} (code)`);
    await c.query(`INSERT INTO ${name} SELECT g, g * 7, 'row ' || g FROM generate_series(1, 60000) g`);
    await c.query(`ANALYZE ${name}`);
    await c.query(`DELETE FROM ${name} WHERE id % 5 <> 0`);
    await c.query("SELECT pg_stat_force_next_flush()");
  });
}

beforeAll(async () => {
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${quoteDatabaseName(dbName)}`));
  await withClient(url, async (c) => {
    // A quiet table with a sizeable, compact index: neither vacuumed nor rebuilt.
    await c.query("CREATE TABLE quiet (id bigint PRIMARY KEY, code bigint NOT NULL)");
    await c.query("INSERT INTO quiet SELECT g, g FROM generate_series(1, 60000) g");
    await c.query("SELECT pg_stat_force_next_flush()");
  });
  // Another session, after the insert's counts reached the statistics: analyze resets them.
  await withClient(url, (c) => c.query("VACUUM (ANALYZE) quiet"));
  await seedChurnedTable("repair_churn");
}, 120_000);

afterAll(async () => {
  await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteDatabaseName(dbName)} WITH (FORCE)`));
});

describe("optimiseDatabase on PostgreSQL", () => {
  it("vacuums the churned table, rebuilds its bloated indexes (size estimate) and leaves the quiet table alone", async () => {
    const before = await stats("SELECT n_dead_tup::int AS dead FROM pg_stat_user_tables WHERE relname = 'repair_churn'");
    expect(before[0].dead).toBe(48_000);
    const progress: string[] = [];
    const result = await optimiseDatabase({ databaseUrl: url }, { bloatThreshold: 0.4, minIndexBytes: 256 * 1024, onProgress: (m) => progress.push(m) });

    expect(result.ok).toBe(true);
    expect(result.bloatMethod).toBe("estimate");
    expect(result.vacuumed.map((t) => t.table)).toEqual(["repair_churn"]);
    expect(result.vacuumed[0]).toMatchObject({ schema: "public", deadTuples: 48_000, ok: true });
    expect(result.vacuumed[0]!.ms).toBeGreaterThanOrEqual(0);
    const rebuilt = result.reindexed.map((i) => i.index).sort();
    expect(rebuilt).toEqual(["repair_churn_code_idx", "repair_churn_pkey"]);
    for (const ix of result.reindexed) {
      expect(ix.ok).toBe(true);
      expect(ix.bloat).toBeGreaterThan(0.6);
      expect(ix.bytesAfter!).toBeLessThan(ix.bytesBefore / 2);
    }
    expect(result.checkedIndexes).toBeGreaterThanOrEqual(3); // quiet_pkey was measured and kept
    expect(progress).toContain("vacuum public.repair_churn");
    expect(progress).toContain("reindex public.repair_churn_pkey");

    const [after] = await stats("SELECT n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analyzed FROM pg_stat_user_tables WHERE relname = 'repair_churn'");
    expect(after).toMatchObject({ dead: 0, vacuumed: true, analyzed: true });
    const invalid = await stats("SELECT count(*)::int AS n FROM pg_index WHERE NOT indisvalid");
    expect(invalid[0].n).toBe(0);
    expect(await stats("SELECT count(*)::int AS n FROM repair_churn")).toEqual([{ n: 12_000 }]);
  });

  it("a second run right after finds nothing to do", async () => {
    const result = await optimiseDatabase({ databaseUrl: url }, { bloatThreshold: 0.4, minIndexBytes: 256 * 1024 });
    expect(result.vacuumed).toEqual([]);
    expect(result.reindexed).toEqual([]);
  });

  it("measures with pgstattuple when the extension is installed", async () => {
    await stats("CREATE EXTENSION IF NOT EXISTS pgstattuple");
    await seedChurnedTable("sale_churn");
    const result = await optimiseDatabase({ databaseUrl: url }, { bloatThreshold: 0.4, minIndexBytes: 256 * 1024 });
    expect(result.bloatMethod).toBe("pgstattuple");
    expect(result.reindexed.map((i) => i.index).sort()).toEqual(["sale_churn_code_idx", "sale_churn_pkey"]);
    expect(result.reindexed.every((i) => i.ok && i.bytesAfter! < i.bytesBefore)).toBe(true);
  });

  it("reports the database size and the biggest tables", async () => {
    const sizes = await databaseSizes(url, 3);
    expect(sizes.databaseBytes).toBeGreaterThan(1_000_000);
    expect(sizes.tables.map((t) => t.table).sort()).toEqual(["quiet", "repair_churn", "sale_churn"]);
    expect(sizes.tables.find((t) => t.table === "quiet")!.rows).toBe(60_000);
    expect(sizes.tables.find((t) => t.table === "repair_churn")!.rows).toBe(12_000);
    expect(sizes.tables[0]!.bytes).toBeGreaterThanOrEqual(sizes.tables[2]!.bytes);
    expect((await databaseSizes(url, 1)).tables).toHaveLength(1);
  });
});
