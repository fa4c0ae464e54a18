import type { MedusaContainer } from "@medusajs/framework/types";
import { overridesFromRows, renderMessage, type MessageTemplateKind, type MessageTemplateLanguage } from "@voltura/domain";
import { rows, sqlConnection } from "./sql.js";

/**
 * A message template rendered for sending, with the shop's override read now (table `message_template`
 * of the platform plugin): the next send after an edit uses the new text. A database without the
 * table yet (a plugin that is not installed) sends the default.
 */
export async function renderShopMessage(
  container: MedusaContainer,
  kind: MessageTemplateKind,
  values: Record<string, string>,
  language: MessageTemplateLanguage = "ms",
): Promise<string> {
  let stored: Awaited<ReturnType<typeof rows>> = [];
  try {
    stored = await rows(sqlConnection(container), `SELECT kind, language, body FROM message_template WHERE kind = ? AND deleted_at IS NULL`, [kind]);
  } catch (err) {
    if ((err as { code?: string }).code !== "42P01") throw err;
  }
  return renderMessage(kind, values, overridesFromRows(stored as Array<{ kind: unknown; language: unknown; body: unknown }>), language);
}
