import { ALL_STAFF } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { loadLevelRows } from "../stock-levels";

/** Items at or below their threshold, lowest first (the console's alert list and dashboard count). */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const levels = (await loadLevelRows(req.scope)).filter((l) => l.low_stock).sort((a, b) => a.on_hand - b.on_hand || a.title.localeCompare(b.title));
  res.json({ levels, count: levels.length });
});
