// SQL against the chaos database for the invariant checks. Unlike lib/services.mjs#psql, a failing
// query throws (the harness reports it) instead of ending the process.
import { spawnSync } from "node:child_process";

export function sqlClient(databaseUrl) {
  const rows = (sql) => {
    const r = spawnSync("psql", ["-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", sql, databaseUrl], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`SQL failed (${sql.slice(0, 120)}…): ${r.stderr.trim()}`);
    return r.stdout.split("\n").filter((line) => line.length > 0).map((line) => line.split("\t"));
  };
  return {
    rows,
    /** The first column of the first row as a number (a COUNT). */
    count: (sql) => Number(rows(sql)[0]?.[0] ?? 0),
    /** The first column of the first row, or null. */
    value: (sql) => rows(sql)[0]?.[0] ?? null,
    tableExists: (name) => rows(`SELECT to_regclass('public.${name.replace(/[^a-z0-9_]/gi, "")}') IS NOT NULL`)[0]?.[0] === "t",
  };
}

/** A quoted SQL string literal. */
export const literal = (value) => `'${String(value).replace(/'/g, "''")}'`;
