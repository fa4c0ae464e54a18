import type { SqlPart } from "../../../modules/report-days/daily/facts-sql";

/**
 * The activity feed's statements on the audit trail's hot table (`audit_entry`, platform plugin),
 * newest first by `seq` (the chain's order, unique), keyset-paged with `seq < before`.
 */

/** What the feed shows of a row: never its changes or request body, only the route of a generic row. */
const ACTIVITY_COLUMNS = `seq, action, entity, entity_id, metadata ->> 'route' AS route, actor_name, actor_role, occurred_at`;

/**
 * The distinct entity names in the trail by a skip scan of the (entity, entity_id, occurred_at)
 * index: one index probe per name (a few dozen), never a pass over the rows.
 */
export const AUDIT_ENTITIES: SqlPart = {
  sql: `WITH RECURSIVE names(entity) AS (
          (SELECT entity FROM audit_entry WHERE deleted_at IS NULL ORDER BY entity LIMIT 1)
          UNION ALL
          SELECT (SELECT a.entity FROM audit_entry a WHERE a.deleted_at IS NULL AND a.entity > names.entity ORDER BY a.entity LIMIT 1)
          FROM names WHERE names.entity IS NOT NULL
        ) SELECT entity FROM names WHERE entity IS NOT NULL`,
  bindings: [],
};

const beforeClause = (before: number | undefined) => (before === undefined ? { sql: "", bindings: [] as unknown[] } : { sql: " AND seq < ?", bindings: [before] as unknown[] });

/** Every row (a reader of every type, no filter): a backward walk of the seq index. */
export function everyActivity(limit: number, before?: number): SqlPart {
  const after = beforeClause(before);
  return {
    sql: `SELECT ${ACTIVITY_COLUMNS} FROM audit_entry WHERE deleted_at IS NULL${after.sql} ORDER BY seq DESC LIMIT ${Math.trunc(limit)}`,
    bindings: after.bindings,
  };
}

/**
 * The rows of some entities: one branch per entity, each a backward walk of (entity, seq) taking at
 * most `limit` rows, merged and cut to `limit`. Cost grows with the number of entities, not rows.
 */
export function activityOfEntities(entities: readonly string[], limit: number, before?: number): SqlPart {
  const n = Math.trunc(limit);
  if (!entities.length) return { sql: `SELECT ${ACTIVITY_COLUMNS} FROM audit_entry WHERE false`, bindings: [] };
  const after = beforeClause(before);
  const branch = `(SELECT ${ACTIVITY_COLUMNS} FROM audit_entry WHERE deleted_at IS NULL AND entity = ?${after.sql} ORDER BY seq DESC LIMIT ${n})`;
  return {
    sql: `SELECT * FROM (${entities.map(() => branch).join(" UNION ALL ")}) merged ORDER BY seq DESC LIMIT ${n}`,
    bindings: entities.flatMap((entity) => [entity, ...after.bindings]),
  };
}
