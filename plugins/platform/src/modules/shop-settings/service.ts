import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import {
  MESSAGE_TEMPLATE_LANGUAGES,
  mergeShopSettings,
  readStoredShopSettings,
  type MessageTemplateKind,
  type MessageTemplateUpdate,
  type ShopSettings,
  type ShopSettingsPatch,
} from "@voltura/domain";
import { MessageTemplate } from "./models/message-template";
import { ShopSetting } from "./models/shop-setting";

/** One stored message template text (a shop's override of a default). */
export interface MessageTemplateRow {
  kind: string;
  language: string;
  body: string;
  updated_by: string | null;
  updated_at: string;
}

const SINGLETON_ID = "shop";

export default class ShopSettingsService extends MedusaService({ ShopSetting, MessageTemplate }) {
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
    const value: Record<string, unknown> = { ...settings };
    if (row) await this.updateShopSettings({ id: SINGLETON_ID, value, updated_by: updatedBy });
    else await this.createShopSettings({ id: SINGLETON_ID, value, updated_by: updatedBy });
  }

  /** Every stored message template text (kinds a later version dropped included: the caller filters). */
  @InjectManager()
  async messageTemplateRows(@MedusaContext() ctx: Context<EntityManager> = {}): Promise<MessageTemplateRow[]> {
    return (await ctx.manager!.execute(
      `SELECT kind, language, body, updated_by, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM message_template WHERE deleted_at IS NULL ORDER BY kind, language`,
    )) as MessageTemplateRow[];
  }

  /** Sets (text) or resets (`null`: the default applies again) each language given, in one transaction. */
  @InjectTransactionManager()
  async saveMessageTemplate(
    kind: MessageTemplateKind,
    update: MessageTemplateUpdate,
    updatedBy: string | null,
    @MedusaContext() ctx: Context<EntityManager> = {},
  ): Promise<void> {
    for (const language of MESSAGE_TEMPLATE_LANGUAGES) {
      const text = update[language];
      if (text === undefined) continue;
      if (text === null) {
        await ctx.transactionManager!.execute(`DELETE FROM message_template WHERE kind = ? AND language = ?`, [kind, language]);
        continue;
      }
      await ctx.transactionManager!.execute(
        `INSERT INTO message_template (id, kind, language, body, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, language) WHERE deleted_at IS NULL
         DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [generateEntityId(undefined, "msgtpl"), kind, language, text, updatedBy],
      );
    }
  }
}
