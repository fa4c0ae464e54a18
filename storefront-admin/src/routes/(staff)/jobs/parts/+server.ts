import { json } from "@sveltejs/kit";
import { REPAIR_DESK } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { searchParts } from "$lib/server/parts";
import type { RequestHandler } from "./$types";

/** Parts search for the job workspace (as you type): SKU, price and stock at the shop. */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, REPAIR_DESK);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  if (q.length < 2) return json({ parts: [] });
  try {
    return json({ parts: await searchParts(commerce, q) }, { headers: { "cache-control": "private, no-store" } });
  } catch (err) {
    const problem = commerceProblem(err);
    return json({ parts: [], message: problem.message }, { status: problem.status >= 500 ? 502 : problem.status });
  }
};
