import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import { mergeShopSettings, readStoredShopSettings, type ShopSettings, type ShopSettingsPatch } from "@voltura/domain";
import { ShopSetting } from "./models/shop-setting";

const SINGLETON_ID = "shop";

export default class ShopSettingsService extends MedusaService({ ShopSetting }) {
  /** The current settings; defaults fill anything never saved. */
  @InjectManager()
  async retrieveSettings(@MedusaContext() ctx: Context<EntityManager> = {}): Promise<ShopSettings> {
    // Read on most requests (prices, tax, reports): one plain statement, no entity to hydrate.
    const [row] = (await ctx.manager!.execute(`SELECT value FROM shop_setting WHERE id = ? AND deleted_at IS NULL`, [SINGLETON_ID])) as Array<{ value: unknown }>;
    return readStoredShopSettings(row?.value);
  }

  /** Validates and saves a patch; returns the new settings and the previous ones (for compensation). */
  async applyPatch(patch: ShopSettingsPatch, updatedBy: string): Promise<{ next: ShopSettings; previous: ShopSettings }> {
    const previous = await this.retrieveSettings();
    const next = mergeShopSettings(previous, patch);
    await this.saveSettings(next, updatedBy);
    return { next, previous };
  }

  async saveSettings(settings: ShopSettings, updatedBy: string | null): Promise<void> {
    const [row] = await this.listShopSettings({ id: SINGLETON_ID });
    const value = settings as unknown as Record<string, unknown>;
    if (row) await this.updateShopSettings({ id: SINGLETON_ID, value, updated_by: updatedBy });
    else await this.createShopSettings({ id: SINGLETON_ID, value, updated_by: updatedBy });
  }
}
