import type { MedusaContainer } from "@medusajs/framework/types";
import { mergeShopSettings } from "@voltura/domain";
import { loadShopSettings } from "@voltura/medusa-kit";
import { SHOP_SETTINGS_MODULE, type ShopSettingsService } from "@voltura/plugin-platform/modules/shop-settings";

/** Points the shop's public URL (tracking QR codes) at this console. */
export async function seedSettings(container: MedusaContainer): Promise<void> {
  const current = await loadShopSettings(container);
  const publicUrl = process.env.CONSOLE_URL;
  if (publicUrl && current.business.public_url !== publicUrl) {
    await container.resolve<ShopSettingsService>(SHOP_SETTINGS_MODULE).saveSettings(mergeShopSettings(current, { business: { public_url: publicUrl } }), "seed");
  }
}
