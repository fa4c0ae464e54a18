import type { MedusaContainer } from "@medusajs/framework/types";
import { mergeShopSettings, type ShopSettings } from "@voltura/domain";

interface SettingsService {
  retrieveSettings(): Promise<ShopSettings>;
  saveSettings(settings: ShopSettings, updatedBy: string | null): Promise<void>;
}

/** Points the shop's public URL (tracking QR codes) at this console. */
export async function seedSettings(container: MedusaContainer): Promise<void> {
  const settings = container.resolve<SettingsService>("shopSettings");
  const current = await settings.retrieveSettings();
  const publicUrl = process.env.CONSOLE_URL;
  if (publicUrl && current.business.public_url !== publicUrl) {
    await settings.saveSettings(mergeShopSettings(current, { business: { public_url: publicUrl } }), "seed");
  }
}
