import { ALL_STAFF, MANAGERS, shopSettingsPatchSchema, type ShopSettingsPatch } from "@voltura/domain";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { SHOP_SETTINGS_MODULE } from "../../../modules/shop-settings";
import type ShopSettingsService from "../../../modules/shop-settings/service";
import { updateShopSettingsWorkflow } from "../../../workflows/update-shop-settings";

export const GET = staffRoute([...ALL_STAFF, "system", "integration"], async (req, res) => {
  const settings = await req.scope.resolve<ShopSettingsService>(SHOP_SETTINGS_MODULE).retrieveSettings();
  res.json({ settings });
});

export const POST = staffRoute<ShopSettingsPatch>(MANAGERS, async (req, res) => {
  const patch = parseOrThrow(shopSettingsPatchSchema, req.body);
  const { result } = await updateShopSettingsWorkflow(req.scope).run({ input: { patch, updated_by: req.actor.name } });
  res.json({ settings: result });
});
