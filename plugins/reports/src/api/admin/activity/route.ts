import { MedusaError } from "@medusajs/framework/utils";
import { activityTypesAsked, activityTypesFor, ALL_STAFF } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { readActivity } from "./activity";
import { activityQuerySchema } from "./validators";

/**
 * GET /admin/activity?type=&limit=&before= → the dashboard's activity feed (every staff role): audit
 * rows of the types the role may read (technicians: jobs; cashiers: jobs, customers, sales, documents;
 * owners and managers: all), newest first, keyset-paged on the trail's seq. A type the role may not
 * read is 403 naming it (`type`).
 */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const query = parseOrThrow(activityQuerySchema, req.query);
  const types = activityTypesAsked(req.actor.role, query.type);
  if (!types) throw new MedusaError(MedusaError.Types.FORBIDDEN, `type: ${query.type} activity is not readable by a ${req.actor.role}`);
  res.json(await readActivity(req.scope, { types, readable: activityTypesFor(req.actor.role), limit: query.limit, before: query.before }));
});
