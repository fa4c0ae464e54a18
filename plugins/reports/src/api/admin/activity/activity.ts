import type { MedusaContainer } from "@medusajs/framework/types";
import { activityTypeOf, ACTIVITY_TYPES, entitiesOfTypes, type ActivityType } from "@voltura/domain";
import type { ActivityItem, ActivityPage } from "@voltura/contracts";
import { knexOf, num, run, type Rows } from "../../../modules/report-days/daily/db";
import { activityOfEntities, AUDIT_ENTITIES, everyActivity } from "./activity-sql";

export const ACTIVITY_DEFAULT_LIMIT = 20;
export const ACTIVITY_MAX_LIMIT = 100;

const activityItem = (r: Rows[number]): ActivityItem => ({
  seq: num(r.seq), type: activityTypeOf(String(r.entity)), action: String(r.action), entity: String(r.entity),
  entity_id: (r.entity_id as string | null) ?? null, route: (r.route as string | null) ?? null,
  actor_name: (r.actor_name as string | null) ?? null, actor_role: (r.actor_role as string | null) ?? null,
  occurred_at: new Date(r.occurred_at as string).toISOString(),
});

/**
 * A page of the activity feed: the rows of the asked types (already checked against the role),
 * newest first, `limit` of them from before `before`. Reading every type walks the seq index; a
 * subset first lists the trail's entity names (a skip scan) and reads those of the types.
 */
export async function readActivity(
  container: MedusaContainer,
  query: { types: readonly ActivityType[]; readable: readonly ActivityType[]; limit: number; before?: number },
): Promise<ActivityPage> {
  const db = knexOf(container);
  const everything = query.types.length === ACTIVITY_TYPES.length;
  const statement = everything
    ? everyActivity(query.limit + 1, query.before)
    : activityOfEntities(entitiesOfTypes((await run(db, AUDIT_ENTITIES)).map((r) => String(r.entity)), query.types), query.limit + 1, query.before);
  const rows = (await run(db, statement)).map(activityItem);
  const items = rows.slice(0, query.limit);
  return { items, next_before: rows.length > query.limit ? items.at(-1)!.seq : null, types: [...query.readable] };
}
