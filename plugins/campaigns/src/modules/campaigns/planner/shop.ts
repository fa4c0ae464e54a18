import type { MedusaContainer } from "@medusajs/framework/types";
import { loadShopSettings } from "@voltura/medusa-kit";

/** The shop's business name for `{shop_name}` (the platform plugin's settings). */
export async function shopNameOf(container: MedusaContainer): Promise<string> {
  try {
    return (await loadShopSettings(container)).business.name;
  } catch {
    return "";
  }
}
