import {
  MESSAGE_TEMPLATE_KINDS,
  MESSAGE_TEMPLATES,
  messageTemplateText,
  overridesFromRows,
  type MessageTemplateKind,
} from "@voltura/domain";
import type { MessageTemplate } from "@voltura/contracts";
import type { MessageTemplateRow } from "../../../../modules/shop-settings/service";

/** What the console shows of one kind: texts in force, defaults, which language is the shop's own, the last change. */
export function messageTemplateView(kind: MessageTemplateKind, rows: readonly MessageTemplateRow[]): MessageTemplate {
  const definition = MESSAGE_TEMPLATES[kind];
  const own = rows.filter((row) => row.kind === kind);
  const overrides = overridesFromRows(own);
  const latest = [...own].sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
  return {
    kind,
    placeholders: [...definition.placeholders],
    delivery: definition.delivery,
    texts: { en: messageTemplateText(kind, "en", overrides), ms: messageTemplateText(kind, "ms", overrides) },
    defaults: { ...definition.defaults },
    overridden: { en: overrides[kind]?.en !== undefined, ms: overrides[kind]?.ms !== undefined },
    sample: { ...definition.sample },
    updated_at: latest?.updated_at ?? null,
    updated_by: latest?.updated_by ?? null,
  };
}

export function messageTemplateViews(rows: readonly MessageTemplateRow[]): MessageTemplate[] {
  return MESSAGE_TEMPLATE_KINDS.map((kind) => messageTemplateView(kind, rows));
}
