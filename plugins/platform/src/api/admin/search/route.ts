import { searchQuerySchema, type SearchAnswer } from "@voltura/medusa-client";
import { parseOrThrow, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { readableKinds, SEARCH_READERS } from "../../../search/ranking";
import { searchEverything } from "../../../search/service";

/**
 * The one search box (the console's Ctrl+K): jobs, customers and items the caller's role may
 * read, exact hits (job number, phone, IMEI, barcode / SKU) first, then prefixes, then names.
 */
export const GET = staffRoute(SEARCH_READERS, async (req, res) => {
  const query = parseOrThrow(searchQuerySchema, req.query);
  const kinds = readableKinds(req.actor.role, query.entity);
  const hits = kinds.length ? await searchEverything(sqlConnection(req.scope), { q: query.q, kinds, limit: query.limit }) : [];
  res.json({ hits, kinds } satisfies SearchAnswer);
});
