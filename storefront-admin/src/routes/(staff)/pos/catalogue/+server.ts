import { json } from "@sveltejs/kit";
import { counterApi, counterError } from "$lib/server/pos";
import type { RequestHandler } from "./$types";

/** The counter's instant search (?q=) and scanner look-up (?code=, exact barcode/SKU). */
export const GET: RequestHandler = async ({ locals, url }) => {
  const pos = counterApi(locals);
  const code = url.searchParams.get("code")?.trim().slice(0, 80) ?? "";
  const q = url.searchParams.get("q")?.trim().slice(0, 80) ?? "";
  try {
    if (code) return json({ items: [await pos.lookupCode(code)].filter(Boolean) }, { headers: { "cache-control": "private, no-store" } });
    if (!q) return json({ items: [] });
    return json({ items: await pos.searchCatalogue(q, 12) }, { headers: { "cache-control": "private, no-store" } });
  } catch (err) {
    return counterError(err);
  }
};
