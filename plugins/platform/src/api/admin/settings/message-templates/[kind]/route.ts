import { MedusaError } from "@medusajs/framework/utils";
import { messageTemplateKindSchema, messageTemplateUpdateProblem, messageTemplateUpdateSchema, type MessageTemplateUpdate } from "@voltura/domain";
import { parseOrThrow, recordAudit, staffRoute } from "@voltura/medusa-kit";
import { messageTemplateView } from "../view";
import { SHOP_SETTINGS_MODULE } from "../../../../../modules/shop-settings";
import type ShopSettingsService from "../../../../../modules/shop-settings/service";

/**
 * Sets the shop's text of one kind per language, or resets a language to the default with `null`.
 * An unknown `{placeholder}` is a 400 naming the language; the next send uses the new text.
 */
export const PUT = staffRoute<MessageTemplateUpdate>(["owner", "manager"], async (req, res) => {
  const parsedKind = messageTemplateKindSchema.safeParse(req.params.kind);
  if (!parsedKind.success) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No message template kind ${req.params.kind}`);
  const kind = parsedKind.data;
  const update = parseOrThrow(messageTemplateUpdateSchema, req.body ?? {});
  const problem = messageTemplateUpdateProblem(kind, update);
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${problem}`);

  const settings = req.scope.resolve<ShopSettingsService>(SHOP_SETTINGS_MODULE);
  const before = messageTemplateView(kind, await settings.messageTemplateRows());
  await settings.saveMessageTemplate(kind, update, req.actor.name);
  const after = messageTemplateView(kind, await settings.messageTemplateRows());

  const changes: Record<string, { before: string; after: string }> = {};
  for (const language of ["en", "ms"] as const) {
    if (before.texts[language] !== after.texts[language]) changes[language] = { before: before.texts[language], after: after.texts[language] };
  }
  const reset = (["en", "ms"] as const).filter((language) => update[language] === null);
  await recordAudit(req, { action: "message_template.updated", entity: "message_template", entity_id: kind, changes, metadata: { reset } });
  res.json({ template: after });
});
