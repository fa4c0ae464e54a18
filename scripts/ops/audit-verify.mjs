// npm run audit:verify [-- --json] [--database-url <url>]: walks the audit trail's hash chain
// (archive.audit_entry + audit_entry in seq order) with plain SQL and the canonical form of
// @voltura/domain, without commerce or Temporal. Exit 0 intact, 1 broken, 2 could not check.
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { devEnv } from "../lib/env.mjs";
import { AUDIT_CHAIN_PAGE_SIZE, auditChainPageQuery, auditChainReport, checkAuditChainPage, startAuditChain } from "@voltura/domain";

const sha256Hex = (text) => createHash("sha256").update(text, "utf8").digest("hex");

/** Checks the chain of one database; returns the same report as GET /admin/audit/chain. */
export async function verifyAuditChain(databaseUrl, { pageSize = AUDIT_CHAIN_PAGE_SIZE, onPage } = {}) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "voltura-audit-verify" });
  await client.connect();
  try {
    // One snapshot for the whole walk: rows archived or appended meanwhile cannot be seen twice or missed.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    let state = startAuditChain();
    for (;;) {
      const { sql, bindings } = auditChainPageQuery(state.lastSeq ?? "0", pageSize, "pg");
      const { rows } = await client.query(sql, bindings);
      state = checkAuditChainPage(state, rows, sha256Hex);
      onPage?.(state);
      if (state.firstBroken || rows.length < pageSize) break;
    }
    await client.query("COMMIT");
    return auditChainReport(state);
  } finally {
    await client.end();
  }
}

async function main() {
  const { values } = parseArgs({ options: { json: { type: "boolean", default: false }, "database-url": { type: "string" } } });
  // The owner's connection (reads archive.audit_entry too); locally the dev profile's database.
  const databaseUrl = values["database-url"] ?? process.env.BACKUP_DATABASE_URL ?? process.env.DATABASE_URL ?? devEnv().BACKUP_DATABASE_URL;
  if (!databaseUrl) {
    console.error("audit:verify: set DATABASE_URL (or pass --database-url)");
    process.exit(2);
  }
  const started = Date.now();
  let report;
  try {
    report = await verifyAuditChain(databaseUrl);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const hint = /audit_entry" does not exist|column .*seq.* does not exist/.test(message) ? " (the database lacks the audit chain migration: run the migrations first)" : "";
    console.error(`audit:verify: could not check the chain: ${message}${hint}`);
    process.exit(2);
  }
  if (values.json) {
    console.log(JSON.stringify(report));
  } else if (report.ok) {
    console.log(`audit chain intact: ${report.checked} rows checked in ${Date.now() - started} ms${report.head ? `, head #${report.head.seq} ${report.head.row_hash}` : ""}`);
  } else {
    const b = report.first_broken;
    console.log(`audit chain BROKEN at row #${b.seq} (${b.id}): ${b.reason}; ${report.checked} rows checked`);
  }
  process.exit(report.ok ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
