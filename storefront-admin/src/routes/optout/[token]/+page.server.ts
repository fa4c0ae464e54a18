import { error, fail } from "@sveltejs/kit";
import { type OptOutState } from "@voltura/contracts";
import { CampaignsApi, CommerceError } from "@voltura/medusa-client";
import { commerceAs, SYSTEM_ACTOR } from "$lib/server/commerce";
import { publicShopInfo } from "$lib/server/shop-info";
import type { Actions, PageServerLoad } from "./$types";

/**
 * The customer's opt-out page (public, signed link from a campaign message). The token is checked by
 * commerce (`/public/campaigns/opt-out/:token`), server side; the page shows only the masked phone.
 */
const api = () => new CampaignsApi(commerceAs(SYSTEM_ACTOR));
/** `<payload>.<signature>`, both base64url; anything else is not a link we made. */
const TOKEN = /^[\w-]{4,200}\.[\w-]{20,100}$/;
const NOT_FOUND = "Pautan ini tidak sah. / This link is not valid.";

export const load: PageServerLoad = async ({ params, setHeaders, url }) => {
  setHeaders({ "cache-control": "private, no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex" });
  if (!TOKEN.test(params.token)) error(404, { message: NOT_FOUND });
  let state: OptOutState;
  try {
    state = await api().optOutState(params.token);
  } catch (err) {
    if (err instanceof CommerceError && (err.status === 404 || err.status === 400)) error(404, { message: NOT_FOUND });
    console.error("[console] opt-out lookup failed:", err);
    error(503, { message: "Sila cuba lagi sebentar lagi. / Please try again in a few minutes." });
  }
  const shop = await publicShopInfo();
  const lang = url.searchParams.get("lang");
  return { state, shopName: shop.name, language: lang === "en" || lang === "ms" ? lang : state.language };
};

export const actions: Actions = {
  default: async ({ params, request }) => {
    if (!TOKEN.test(params.token)) error(404, { message: NOT_FOUND });
    const language = (await request.formData()).get("language") === "en" ? "en" : "ms";
    try {
      const state = await api().optOut(params.token, { language });
      return { done: state.opted_out };
    } catch (err) {
      if (err instanceof CommerceError && err.status === 404) error(404, { message: NOT_FOUND });
      console.error("[console] opt-out failed:", err);
      return fail(503, { done: false, failed: true });
    }
  },
};
