import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils";
import { createHash } from "node:crypto";
import {
  AUDIT_CHAIN_PAGE_SIZE,
  AUDIT_HOT_YEARS_DEFAULT,
  auditChainPageQuery,
  auditChainReport,
  auditEntryInputSchema,
  checkAuditChainPage,
  decodeAuditCursor,
  encodeAuditCursor,
  shopDaysToUtc,
  startAuditChain,
  type AuditChainReport,
  type AuditChainRow,
  type AuditEntryInput,
} from "@voltura/domain";
import { describeIssues, type AuditRecorder } from "@voltura/medusa-kit";
import { AuditEntry } from "./models/audit-entry";
import type { AuditFilters, AuditPage, AuditRow } from "./types";

export type { AuditFilters, AuditPage, AuditRow };

const COLUMNS = `id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  actor_id, actor_role, actor_name, action, entity, entity_id, changes, metadata, request_id, ip`;

const sha256Hex = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** Rows moved per archive call: one transaction each, so a crash keeps every finished batch. */
const ARCHIVE_BATCH = 5_000;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * The audit trail. Rows are only ever appended (`record`) and read (`list`); the table's
 * triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks, and chain every row to the one
 * before it (seq, prev_hash, row_hash: set by the database, see Migration20261207040000). Old rows
 * move to archive.audit_entry only through `archiveBefore`; `checkChain` verifies both.
 */
class AuditModuleService extends MedusaService({ AuditEntry }) implements AuditRecorder {
  @InjectManager()
  async record(entry: AuditEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const parsed = auditEntryInputSchema.safeParse(entry);
    if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid audit entry: ${describeIssues(parsed.error)}`);
    const e = parsed.data;
    await (sharedContext.transactionManager ?? sharedContext.manager)!.execute(
      `INSERT INTO audit_entry (id, actor_id, actor_role, actor_name, action, entity, entity_id, changes, metadata, request_id, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)`,
      [
        generateEntityId(undefined, "aud"),
        e.actor_id ?? null,
        e.actor_role ?? null,
        e.actor_name ?? null,
        e.action,
        e.entity,
        e.entity_id ?? null,
        json(e.changes && Object.keys(e.changes).length ? e.changes : null),
        json(e.metadata),
        e.request_id ?? null,
        e.ip ?? null,
      ],
    );
  }

  /** Newest first, keyset-paged by (occurred_at, id). */
  @InjectManager()
  async list(
    filters: AuditFilters,
    page: AuditPage,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<{ entries: AuditRow[]; next_cursor: string | null }> {
    const where = ["deleted_at IS NULL"];
    const params: unknown[] = [];
    for (const key of ["actor_id", "entity", "entity_id"] as const) {
      if (filters[key]) {
        where.push(`${key} = ?`);
        params.push(filters[key]);
      }
    }
    if (filters.action?.endsWith("*")) {
      where.push("starts_with(action, ?)");
      params.push(filters.action.slice(0, -1));
    } else if (filters.action) {
      where.push("action = ?");
      params.push(filters.action);
    }
    const { since, until } = shopDaysToUtc(filters.from, filters.to);
    if (since) {
      where.push("occurred_at >= ?");
      params.push(since.toISOString());
    }
    if (until) {
      where.push("occurred_at < ?");
      params.push(until.toISOString());
    }
    if (page.cursor) {
      const cursor = decodeAuditCursor(page.cursor);
      if (!cursor) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: cursor: is not a cursor from a previous page");
      where.push("(occurred_at, id) < (?::timestamptz, ?)");
      params.push(cursor.occurred_at, cursor.id);
    }
    const limit = Math.max(1, Math.min(page.limit, 10_000));
    const rows = (await sharedContext.manager!.execute(
      `SELECT ${COLUMNS} FROM audit_entry WHERE ${where.join(" AND ")} ORDER BY occurred_at DESC, id DESC LIMIT ?`,
      [...params, limit + 1],
    )) as AuditRow[];
    const entries = rows.slice(0, limit);
    const last = entries[entries.length - 1];
    return { entries, next_cursor: rows.length > limit && last ? encodeAuditCursor(last.occurred_at, last.id) : null };
  }

  /**
   * Walks the hash chain (archive + hot table, seq order) in keyset pages and recomputes every
   * row's hash; stops at the first broken row.
   */
  @InjectManager()
  async checkChain(pageSize = AUDIT_CHAIN_PAGE_SIZE, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<AuditChainReport> {
    let state = startAuditChain();
    for (;;) {
      const { sql, bindings } = auditChainPageQuery(state.lastSeq ?? "0", pageSize, "knex");
      const page = (await sharedContext.manager!.execute(sql, bindings)) as AuditChainRow[];
      state = checkAuditChainPage(state, page, sha256Hex);
      if (state.firstBroken || page.length < pageSize) return auditChainReport(state);
    }
  }

  /** Moves rows that occurred before `cutoff` to archive.audit_entry, batch by batch. Idempotent. */
  @InjectManager()
  async archiveBefore(
    cutoff: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<{ moved: number; first_seq: number | null; last_seq: number | null }> {
    let moved = 0;
    let first: number | null = null;
    let last: number | null = null;
    for (;;) {
      const [batch] = (await sharedContext.manager!.execute(
        `SELECT moved, first_seq::text AS first_seq, last_seq::text AS last_seq FROM public.audit_entry_archive(?::timestamptz, ?)`,
        [cutoff.toISOString(), ARCHIVE_BATCH],
      )) as Array<{ moved: number; first_seq: string | null; last_seq: string | null }>;
      if (!batch || batch.moved === 0) return { moved, first_seq: first, last_seq: last };
      moved += batch.moved;
      first ??= Number(batch.first_seq);
      last = Number(batch.last_seq);
      if (batch.moved < ARCHIVE_BATCH) return { moved, first_seq: first, last_seq: last };
    }
  }

  @InjectManager()
  async hotYears(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<{ audit_hot_years: number; updated_at: string | null; updated_by: string | null }> {
    const [row] = (await sharedContext.manager!.execute(
      `SELECT hot_years, updated_by, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at FROM audit_settings WHERE id = 'shop'`,
    )) as Array<{ hot_years: number; updated_by: string | null; updated_at: string }>;
    return { audit_hot_years: row?.hot_years ?? AUDIT_HOT_YEARS_DEFAULT, updated_at: row?.updated_at ?? null, updated_by: row?.updated_by ?? null };
  }

  /** The setting and its audit row, in one transaction. */
  @InjectTransactionManager()
  async setHotYears(hotYears: number, audit: AuditEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.transactionManager!.execute(
      `INSERT INTO audit_settings (id, hot_years, updated_by, updated_at) VALUES ('shop', ?, ?, now())
       ON CONFLICT (id) DO UPDATE SET hot_years = EXCLUDED.hot_years, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [hotYears, audit.actor_id ?? null],
    );
    await this.record(audit, sharedContext);
  }
}

export default AuditModuleService;
