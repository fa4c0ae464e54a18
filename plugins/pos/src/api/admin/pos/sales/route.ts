import { posSalesQuerySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { listSales } from "../load-sale";
import { POS_READERS } from "../roles";

/** Completed sales, newest first: `from` ≤ sold_at < `to` (ISO instants; the console sends shop-day bounds). */
export const GET = staffRoute(POS_READERS, async (req, res) => {
  const query = parseOrThrow(posSalesQuerySchema, req.query);
  res.json(await listSales(req.scope, query));
});
