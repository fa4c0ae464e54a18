import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  AUDIT_CHAIN_GENESIS,
  auditArchiveCutoff,
  auditCanonicalText,
  auditChainPageQuery,
  auditChainReport,
  auditRowHash,
  checkAuditChainPage,
  startAuditChain,
  type AuditChainRow,
} from "./audit-chain.js";

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function row(seq: number, overrides: Partial<AuditChainRow> = {}): AuditChainRow {
  return {
    id: `aud_${seq}`, seq: String(seq), occurred_at: "2026-12-07T03:00:00.000001Z",
    actor_id: "user_1", actor_role: "owner", actor_name: "Siti", action: "staff.updated", entity: "staff", entity_id: "user_2",
    changes: '{"name": {"after": "B", "before": "A"}}', metadata: null, request_id: "req-1", ip: "203.0.113.9",
    prev_hash: null, row_hash: null, ...overrides,
  };
}

/** Rows chained as the insert trigger chains them. */
function chain(rows: AuditChainRow[]): AuditChainRow[] {
  let prev = AUDIT_CHAIN_GENESIS;
  return rows.map((r) => {
    const row_hash = auditRowHash(prev, r, sha256Hex);
    const chained = { ...r, prev_hash: prev, row_hash };
    prev = row_hash;
    return chained;
  });
}

describe("the canonical text", () => {
  it("escapes the separator and the escape, and tells NULL from the text \\N", () => {
    expect(auditCanonicalText(row(1, { actor_name: "a|b\\c", metadata: null, ip: "\\N" }))).toContain("|a\\|b\\\\c|");
    const nullIp = auditCanonicalText(row(1, { ip: null }));
    const textIp = auditCanonicalText(row(1, { ip: "\\N" }));
    expect(nullIp.endsWith("|\\N")).toBe(true);
    expect(textIp.endsWith("|\\\\N")).toBe(true);
    // Moving a separator between two fields changes the text.
    expect(auditCanonicalText(row(1, { actor_role: "a|", actor_name: "b" }))).not.toBe(auditCanonicalText(row(1, { actor_role: "a", actor_name: "|b" })));
  });

  it("matches the form PostgreSQL's trigger hashes (fixed vector)", () => {
    const r = row(7, { metadata: '{"n": 1.0, "emoji": "🔧"}' });
    expect(auditCanonicalText(r)).toBe(
      'aud_7|7|2026-12-07T03:00:00.000001Z|user_1|owner|Siti|staff.updated|staff|user_2|{"name": {"after": "B", "before": "A"}}|{"n": 1.0, "emoji": "🔧"}|req-1|203.0.113.9',
    );
    expect(auditRowHash(AUDIT_CHAIN_GENESIS, r, sha256Hex)).toBe(sha256Hex(`${AUDIT_CHAIN_GENESIS}|${auditCanonicalText(r)}`));
  });
});

describe("checkAuditChainPage", () => {
  const rows = chain([1, 2, 4, 5, 6].map((n) => row(n, { entity_id: `user_${n}` })));

  it("accepts an intact chain across pages (gaps in seq are rolled-back inserts)", () => {
    let state = checkAuditChainPage(startAuditChain(), rows.slice(0, 2), sha256Hex);
    state = checkAuditChainPage(state, rows.slice(2), sha256Hex);
    expect(auditChainReport(state)).toEqual({ ok: true, checked: 5, first_broken: null, head: { seq: 6, row_hash: rows[4]!.row_hash } });
    expect(auditChainReport(startAuditChain())).toEqual({ ok: true, checked: 0, first_broken: null, head: null });
  });

  it("names an edited row as content_changed", () => {
    const edited = rows.map((r) => (r.seq === "4" ? { ...r, changes: '{"name": {"after": "C", "before": "A"}}' } : r));
    expect(checkAuditChainPage(startAuditChain(), edited, sha256Hex).firstBroken).toEqual({ id: "aud_4", seq: 4, reason: "content_changed" });
  });

  it("names the row after a removed one as link_broken, also when the first row goes", () => {
    expect(checkAuditChainPage(startAuditChain(), rows.filter((r) => r.seq !== "4"), sha256Hex).firstBroken).toEqual({ id: "aud_5", seq: 5, reason: "link_broken" });
    expect(checkAuditChainPage(startAuditChain(), rows.slice(1), sha256Hex).firstBroken).toEqual({ id: "aud_2", seq: 2, reason: "link_broken" });
  });

  it("catches a row rewritten with a recomputed hash at the next row", () => {
    const forged = { ...rows[1]!, actor_name: "Someone else" };
    forged.row_hash = auditRowHash(forged.prev_hash!, forged, sha256Hex);
    const tampered = rows.map((r) => (r.seq === "2" ? forged : r));
    expect(checkAuditChainPage(startAuditChain(), tampered, sha256Hex).firstBroken).toEqual({ id: "aud_4", seq: 4, reason: "link_broken" });
  });

  it("reports rows without hashes and a repeated seq, and stops at the first break", () => {
    const missing = rows.map((r) => (r.seq === "2" ? { ...r, row_hash: null } : r));
    const state = checkAuditChainPage(startAuditChain(), missing, sha256Hex);
    expect(state.firstBroken).toEqual({ id: "aud_2", seq: 2, reason: "hash_missing" });
    expect(state.checked).toBe(2);
    expect(checkAuditChainPage(state, rows, sha256Hex)).toBe(state);
    const repeated = [...rows.slice(0, 2), rows[1]!];
    expect(checkAuditChainPage(startAuditChain(), repeated, sha256Hex).firstBroken).toEqual({ id: "aud_2", seq: 2, reason: "out_of_order" });
  });
});

describe("auditChainPageQuery and the archive cutoff", () => {
  it("reads the archive and the hot table in seq order, bound for knex or pg", () => {
    const knex = auditChainPageQuery("41", 100, "knex");
    expect(knex.bindings).toEqual(["41", 100, "41", 100, 100]);
    expect(knex.sql.match(/\?/g)).toHaveLength(5);
    expect(knex.sql).toContain("FROM archive.audit_entry a WHERE a.seq >");
    expect(knex.sql).toContain("FROM public.audit_entry h WHERE h.seq >");
    expect(auditChainPageQuery("0", 5, "pg")).toMatchObject({ bindings: ["0", 5] });
    expect(() => auditChainPageQuery("1; DROP TABLE x", 5, "pg")).toThrow(/afterSeq/);
  });

  it("keeps audit_hot_years calendar years hot", () => {
    expect(auditArchiveCutoff(new Date("2026-12-07T03:00:00Z"), 2).toISOString()).toBe("2024-12-07T03:00:00.000Z");
  });
});
