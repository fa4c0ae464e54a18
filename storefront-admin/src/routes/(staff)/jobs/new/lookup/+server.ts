import { json } from "@sveltejs/kit";
import { REPAIR_DESK } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { lookupCustomers, lookupWarranties } from "$lib/server/intake-lookup";
import type { RequestHandler } from "./$types";
import { m } from "$lib/paraglide/messages.js";

/**
 * The intake form's as-you-type look-ups (JSON): `?kind=customers&phone=012…` for the customer
 * typeahead, `?kind=warranties&imei=…&phone=…` for the warranty check panel.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, REPAIR_DESK);
  const kind = url.searchParams.get("kind");
  const phone = url.searchParams.get("phone") ?? "";
  const noStore = { headers: { "cache-control": "private, no-store" } };
  try {
    if (kind === "customers") return json({ customers: await lookupCustomers(commerce, phone) }, noStore);
    if (kind === "warranties") return json(await lookupWarranties(commerce, { imei: url.searchParams.get("imei") ?? "", phone }), noStore);
  } catch (err) {
    const problem = commerceProblem(err);
    return json({ message: problem.message }, { status: problem.status >= 500 ? 502 : problem.status });
  }
  return json({ message: m.intake_unknown_lookup() }, { status: 400 });
};
