import { searchQuerySchema, type SearchAnswer } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { readableKinds, SEARCH_READERS } from "../../../modules/search/ranking";
import { SEARCH_MODULE, type SearchModuleService } from "../../../modules/search";

/**
 * The one search box (the console's Ctrl+K): jobs, customers and items the caller's role may
 * read, exact hits (job number, phone, IMEI, barcode / SKU) first, then prefixes, then names.
 */
export const GET = staffRoute(SEARCH_READERS, async (req, res) => {
  const query = parseOrThrow(searchQuerySchema, req.query);
  const kinds = readableKinds(req.actor.role, query.entity);
  const hits = kinds.length ? await req.scope.resolve<SearchModuleService>(SEARCH_MODULE).everything({ q: query.q, kinds, limit: query.limit }) : [];
  res.json({ hits, kinds } satisfies SearchAnswer);
});
