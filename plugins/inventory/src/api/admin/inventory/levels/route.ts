import { ALL_STAFF } from "@voltura/domain";
import { listInventoryLevelsQuerySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadLevelRows } from "../stock-levels";
import { queryLevels } from "../../../../domain/levels";

/** Stock per item and location: search by name / SKU / barcode, low-stock filter, sort, pages. */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const query = parseOrThrow(listInventoryLevelsQuerySchema, req.query);
  res.json(queryLevels(await loadLevelRows(req.scope), query));
});
