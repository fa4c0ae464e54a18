import { json } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { groupHits } from "$lib/command-palette/groups";
import { kindLabel } from "$lib/command-palette/labels";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

/** Hits per search: enough for a few of each kind once grouped. */
const PALETTE_LIMIT = 30;

/**
 * The command palette's search (JSON): `?q=` → `{ groups: [{ kind, label, hits: [{ …hit, href }] }] }`,
 * over the one commerce search, which leaves out the kinds the staff member's role may not read.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, ALL_STAFF);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const noStore = { headers: { "cache-control": "private, no-store" } };
  if (!q) return json({ groups: [] }, noStore);
  try {
    const { hits } = await commerce.search({ q, limit: PALETTE_LIMIT });
    return json({ groups: groupHits(hits, kindLabel) }, noStore);
  } catch (err) {
    const problem = commerceProblem(err);
    return json({ message: problem.message }, { status: problem.status >= 500 ? 502 : problem.status });
  }
};
