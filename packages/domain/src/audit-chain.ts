import { z } from "zod";

/**
 * The audit trail's hash chain: the one definition of a row's canonical text and of the chain
 * check, shared by `GET /admin/audit/chain` and `npm run audit:verify`. The database computes
 * the same text in the insert trigger (`audit_entry_canonical`, migration
 * Migration20261207040000); a change here is a new format version and a migration.
 *
 * row_hash = sha256_hex(prev_hash + "|" + canonical text), prev_hash = the previous row's
 * row_hash in seq order (AUDIT_CHAIN_GENESIS for the first row).
 * Canonical text: the content fields below, in this order, each escaped (`\` → `\\`, `|` → `\|`,
 * NULL → `\N`) and joined by `|`. jsonb fields enter as PostgreSQL prints them (`changes::text`),
 * occurred_at as UTC with microseconds ("2026-12-07T03:00:00.123456Z"), seq in decimal.
 */

export const AUDIT_CHAIN_GENESIS = "0".repeat(64);

/** The content fields a row's hash covers, in canonical order. */
export const AUDIT_CHAIN_FIELDS = [
  "id", "seq", "occurred_at", "actor_id", "actor_role", "actor_name", "action", "entity", "entity_id",
  "changes", "metadata", "request_id", "ip",
] as const;

/** A row as the chain reads it: every field as text (see auditChainPageSql). */
export type AuditChainRow = { [K in (typeof AUDIT_CHAIN_FIELDS)[number]]: K extends "id" | "seq" | "occurred_at" | "action" | "entity" ? string : string | null } & {
  prev_hash: string | null;
  row_hash: string | null;
};

/** Hex SHA-256 of the UTF-8 bytes of a string (node:crypto in commerce and the scripts). */
export type Sha256Hex = (text: string) => string;

function field(value: string | null): string {
  return value === null ? "\\N" : value.replaceAll("\\", "\\\\").replaceAll("|", "\\|");
}

export function auditCanonicalText(row: AuditChainRow): string {
  return AUDIT_CHAIN_FIELDS.map((name) => field(row[name])).join("|");
}

export function auditRowHash(prevHash: string, row: AuditChainRow, sha256Hex: Sha256Hex): string {
  return sha256Hex(`${prevHash}|${auditCanonicalText(row)}`);
}

export type AuditChainBreak = {
  id: string;
  seq: number;
  /**
   * content_changed: the row's own content no longer gives its row_hash (edited in place);
   * link_broken: its prev_hash is not the previous row's row_hash (a row before it was removed,
   * inserted or rewritten with a recomputed hash); hash_missing: no hashes; out_of_order: seq not
   * increasing (a duplicate between the archive and the hot table).
   */
  reason: "content_changed" | "link_broken" | "hash_missing" | "out_of_order";
};

export interface AuditChainState {
  checked: number;
  /** seq of the last row checked (decimal text), null before the first. */
  lastSeq: string | null;
  /** row_hash of the last row checked (the genesis before the first). */
  lastHash: string;
  firstBroken: AuditChainBreak | null;
}

export const startAuditChain = (): AuditChainState => ({ checked: 0, lastSeq: null, lastHash: AUDIT_CHAIN_GENESIS, firstBroken: null });

function breakOf(row: AuditChainRow, lastSeq: string | null, lastHash: string, sha256Hex: Sha256Hex): AuditChainBreak["reason"] | null {
  if (lastSeq !== null && BigInt(row.seq) <= BigInt(lastSeq)) return "out_of_order";
  if (!row.prev_hash || !row.row_hash) return "hash_missing";
  if (row.prev_hash !== lastHash) return "link_broken";
  if (auditRowHash(row.prev_hash, row, sha256Hex) !== row.row_hash) return "content_changed";
  return null;
}

/**
 * Checks the next page of rows (ascending seq, continuing the state). Stops at the first break:
 * the answer's firstBroken is set and later pages need not be read. Pure.
 */
export function checkAuditChainPage(state: AuditChainState, rows: readonly AuditChainRow[], sha256Hex: Sha256Hex): AuditChainState {
  if (state.firstBroken) return state;
  let { checked, lastSeq, lastHash } = state;
  for (const row of rows) {
    checked += 1;
    const reason = breakOf(row, lastSeq, lastHash, sha256Hex);
    if (reason) return { checked, lastSeq, lastHash, firstBroken: { id: row.id, seq: Number(row.seq), reason } };
    lastSeq = row.seq;
    lastHash = row.row_hash!;
  }
  return { checked, lastSeq, lastHash, firstBroken: null };
}

/** The answer of `GET /admin/audit/chain` and of `npm run audit:verify --json`. */
export interface AuditChainReport {
  ok: boolean;
  checked: number;
  first_broken: AuditChainBreak | null;
  /** The newest row checked: keep it to notice a cut-off tail later. */
  head: { seq: number; row_hash: string } | null;
}

export function auditChainReport(state: AuditChainState): AuditChainReport {
  return {
    ok: state.firstBroken === null,
    checked: state.checked,
    first_broken: state.firstBroken,
    head: state.lastSeq === null ? null : { seq: Number(state.lastSeq), row_hash: state.lastHash },
  };
}

const CHAIN_COLUMNS = (t: string) => `${t}.id, ${t}.seq::text AS seq,
  to_char(${t}.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  ${t}.actor_id, ${t}.actor_role, ${t}.actor_name, ${t}.action, ${t}.entity, ${t}.entity_id,
  ${t}.changes::text AS changes, ${t}.metadata::text AS metadata, ${t}.request_id, ${t}.ip, ${t}.prev_hash, ${t}.row_hash`;

const CHAIN_PAGE = (after: string, limit: string) => `SELECT * FROM (
  (SELECT ${CHAIN_COLUMNS("a")} FROM archive.audit_entry a WHERE a.seq > ${after}::bigint ORDER BY a.seq LIMIT ${limit})
  UNION ALL
  (SELECT ${CHAIN_COLUMNS("h")} FROM public.audit_entry h WHERE h.seq > ${after}::bigint ORDER BY h.seq LIMIT ${limit})
) chain ORDER BY chain.seq::bigint LIMIT ${limit}`;

/**
 * One keyset page of the whole chain, archive and hot table together, in seq order, after the
 * row `afterSeq` ("0" for the start). For knex (`?` bindings) or pg (`$n`).
 */
export function auditChainPageQuery(afterSeq: string, limit: number, style: "knex" | "pg"): { sql: string; bindings: Array<string | number> } {
  if (!/^\d{1,19}$/.test(afterSeq)) throw new Error(`afterSeq: not a seq: ${afterSeq}`);
  if (style === "pg") return { sql: CHAIN_PAGE("$1", "$2"), bindings: [afterSeq, limit] };
  return { sql: CHAIN_PAGE("?", "?"), bindings: [afterSeq, limit, afterSeq, limit, limit] };
}

export const AUDIT_CHAIN_PAGE_SIZE = 5_000;

/** How long audit rows stay in the hot table before the archive run moves them (years). */
export const AUDIT_HOT_YEARS_DEFAULT = 2;
export const auditSettingsBodySchema = z.object({ audit_hot_years: z.number().int().min(1).max(50) }).strict();
export type AuditSettingsBody = z.infer<typeof auditSettingsBodySchema>;

/** Rows that occurred before this moment leave the hot table: `hotYears` calendar years back (UTC). */
export function auditArchiveCutoff(now: Date, hotYears: number): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - hotYears);
  return cutoff;
}
