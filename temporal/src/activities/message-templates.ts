import {
  MESSAGE_TEMPLATE_LANGUAGES,
  renderMessage,
  type MessageTemplateKind,
  type MessageTemplateOverrides,
} from "@voltura/domain";
import { type MessageTemplate } from "@voltura/contracts";
import { CommerceError, MessageTemplatesApi, type CommerceClient } from "@voltura/medusa-client";

/** The shop's own texts from the templates commerce lists (the languages it overrides). */
export function overridesOf(templates: readonly MessageTemplate[]): MessageTemplateOverrides {
  const overrides: MessageTemplateOverrides = {};
  for (const template of templates) {
    for (const language of MESSAGE_TEMPLATE_LANGUAGES) {
      if (template.overridden[language]) (overrides[template.kind] ??= {})[language] = template.texts[language];
    }
  }
  return overrides;
}

/**
 * The body to send for a message a workflow wrote from `template`: the shop's own text when it has one
 * for that kind, else the workflow's `body` unchanged (so a shop that edits nothing sends what it always did).
 */
export function templatedBody(body: string, template: { kind: MessageTemplateKind; values: Record<string, string> }, overrides: MessageTemplateOverrides): string {
  return overrides[template.kind] ? renderMessage(template.kind, template.values, overrides) : body;
}

/**
 * The shop's overrides, read now so an edit applies to the next send. A commerce that refuses the read
 * (4xx: an older commerce, a role without access) means none; an unreachable one is retried by the caller.
 */
export async function loadOverrides(commerce: CommerceClient): Promise<MessageTemplateOverrides> {
  try {
    return overridesOf(await new MessageTemplatesApi(commerce).list());
  } catch (err) {
    if (err instanceof CommerceError && err.status < 500) return {};
    throw err;
  }
}
