import { staffRoute } from "@voltura/medusa-kit";
import { messageTemplateViews } from "./view";
import { SHOP_SETTINGS_MODULE } from "../../../../modules/shop-settings";
import type ShopSettingsService from "../../../../modules/shop-settings/service";

/** Every outbound WhatsApp text per kind and language; the worker reads it at send time. */
export const GET = staffRoute(["owner", "manager", "system"], async (req, res) => {
  const rows = await req.scope.resolve<ShopSettingsService>(SHOP_SETTINGS_MODULE).messageTemplateRows();
  res.json({ templates: messageTemplateViews(rows) });
});
