import { activityTypeSchema } from "@voltura/domain";
import { z } from "zod";
import { ACTIVITY_DEFAULT_LIMIT, ACTIVITY_MAX_LIMIT } from "./activity";

/** GET /admin/activity query: an optional type, a page size, and the previous page's `next_before`. */
export const activityQuerySchema = z.object({
  type: activityTypeSchema.optional(),
  limit: z.coerce.number().int().min(1).max(ACTIVITY_MAX_LIMIT).default(ACTIVITY_DEFAULT_LIMIT),
  before: z.coerce.number().int().min(1).optional(),
}).strict();
