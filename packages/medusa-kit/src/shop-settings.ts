import type { MedusaContainer } from "@medusajs/framework/types";
import type { ShopSettings } from "@voltura/domain";

/**
 * The platform plugin's shop settings module, resolved by its registration key (plugins never import
 * each other). Its service validates the stored document against `shopSettingsSchema` and fills
 * missing fields from `DEFAULT_SHOP_SETTINGS` (`readStoredShopSettings` in @voltura/domain).
 */
export const SHOP_SETTINGS_MODULE_KEY = "shopSettings";

interface ShopSettingsReader {
  retrieveSettings(): Promise<ShopSettings>;
}

/** The shop's settings (business, tax, SLA hours, repair, follow-ups), typed and with defaults. */
export async function loadShopSettings(container: MedusaContainer): Promise<ShopSettings> {
  return container.resolve<ShopSettingsReader>(SHOP_SETTINGS_MODULE_KEY).retrieveSettings();
}
