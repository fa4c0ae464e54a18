import { z } from "zod";

/** The paging fields of an offset list answer (`?limit=&offset=`). */
export const offsetListPageShape = {
  /** Exact up to 1,000 matches; above that the planner's estimate (then `count_estimated` is true). */
  count: z.number(),
  count_estimated: z.boolean().optional(),
  limit: z.number(),
  offset: z.number(),
};
