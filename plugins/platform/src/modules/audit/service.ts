import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils";
import { auditEntryInputSchema, decodeAuditCursor, encodeAuditCursor, shopDaysToUtc, type AuditEntryInput } from "@voltura/domain";
import { describeIssues, type AuditRecorder } from "@voltura/medusa-kit";
import { AuditEntry } from "./models/audit-entry";
import type { AuditFilters, AuditPage, AuditRow } from "./types";

export type { AuditFilters, AuditPage, AuditRow };

const COLUMNS = `id, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS occurred_at,
  actor_id, actor_role, actor_name, action, entity, entity_id, changes, metadata, request_id, ip`;

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/**
 * The audit trail. Rows are only ever appended (`record`) and read (`list`); the table's
 * triggers refuse UPDATE, DELETE and TRUNCATE, whoever asks.
 */
class AuditModuleService extends MedusaService({ AuditEntry }) implements AuditRecorder {
  @InjectManager()
  async record(entry: AuditEntryInput, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const parsed = auditEntryInputSchema.safeParse(entry);
    if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid audit entry: ${describeIssues(parsed.error)}`);
    const e = parsed.data;
    await sharedContext.manager!.execute(
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
}

export default AuditModuleService;
