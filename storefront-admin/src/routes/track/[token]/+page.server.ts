import { error } from "@sveltejs/kit";
import { formatShopTime } from "@voltura/domain";
import { type PublicTracking } from "@voltura/contracts";
import { fetchPublicTracking } from "@voltura/medusa-client";
import { getEnv } from "$lib/server/env";
import { publicShopInfo } from "$lib/server/shop-info";
import type { PageServerLoad } from "./$types";
import { deviceName } from "$lib/repair/labels";

/**
 * The customer's tracking page. Public: it calls commerce's GET /public/track/:token server side
 * without any staff token and shows only what that answer holds (first name, device, status, ETA).
 */
export const load: PageServerLoad = async ({ params, setHeaders }) => {
  // The token is the key to this page: keep it out of caches and other sites' referrer logs.
  setHeaders({ "cache-control": "private, no-store", "referrer-policy": "no-referrer", "x-robots-tag": "noindex" });
  let tracking: PublicTracking | null;
  try {
    tracking = await fetchPublicTracking(getEnv().MEDUSA_URL, params.token);
  } catch (err) {
    console.error("[console] tracking lookup failed:", err);
    error(503, { message: "We can't show the repair status right now. Please try again in a few minutes." });
  }
  if (!tracking) error(404, { message: "We couldn't find a repair with this link." });
  const shop = await publicShopInfo();
  const whatsappDigits = shop.whatsapp?.replace(/\D/g, "") ?? "";
  return {
    shop: { name: shop.name, phone: shop.phone },
    whatsappUrl: whatsappDigits ? `https://wa.me/${whatsappDigits}?text=${encodeURIComponent(`STATUS ${tracking.job_number}`)}` : null,
    tracking: {
      jobNumber: tracking.job_number,
      status: tracking.status,
      firstName: tracking.customer_first_name,
      device: deviceName(tracking),
      eta: tracking.eta ? formatShopTime(tracking.eta) : null,
      updatedAt: formatShopTime(tracking.updated_at),
      updatedIso: tracking.updated_at,
    },
  };
};
