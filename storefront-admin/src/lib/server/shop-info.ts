import { commerceAs, SYSTEM_ACTOR } from "./commerce";

/** What customer-facing pages show of the shop: its name and how to reach it. */
export interface PublicShopInfo {
  name: string;
  phone: string | null;
  whatsapp: string | null;
}

let cache: { at: number; info: PublicShopInfo } | undefined;
const TTL_MS = 5 * 60_000;
const FALLBACK: PublicShopInfo = { name: "Voltura Service Hub", phone: null, whatsapp: null };

/** The shop's public details from its settings (read as the console's system actor), cached for 5 minutes. */
export async function publicShopInfo(): Promise<PublicShopInfo> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.info;
  try {
    const settings = await commerceAs(SYSTEM_ACTOR).getShopSettings();
    const b = settings.business;
    cache = { at: Date.now(), info: { name: b.name, phone: b.phone || null, whatsapp: b.whatsapp || null } };
  } catch {
    // Try again in 30 seconds rather than keeping the fallback for the full TTL.
    cache = { at: Date.now() - TTL_MS + 30_000, info: cache?.info ?? FALLBACK };
  }
  return cache.info;
}
