import { MESSAGE_TEMPLATE_KINDS, messageTemplateUpdateSchema, type MessageTemplateKind, type MessageTemplateUpdate } from "@voltura/domain";
import { z } from "zod";
import type { CommerceClient } from "./client.js";

export { messageTemplateUpdateSchema };
export type { MessageTemplateUpdate };

const textPerLanguage = z.object({ en: z.string(), ms: z.string() });

/** One kind of outbound WhatsApp text as the shop has it: what is sent now, the code's default, what is overridden. */
export const messageTemplateSchema = z.object({
  kind: z.enum(MESSAGE_TEMPLATE_KINDS),
  placeholders: z.array(z.string()),
  delivery: z.enum(["both", "one"]),
  /** The text in force per language (the override, else the default). */
  texts: textPerLanguage,
  defaults: textPerLanguage,
  overridden: z.object({ en: z.boolean(), ms: z.boolean() }),
  sample: z.record(z.string(), z.string()),
  updated_at: z.string().nullable(),
  updated_by: z.string().nullable(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const messageTemplateListAnswerSchema = z.object({ templates: z.array(messageTemplateSchema) });
export const messageTemplateAnswerSchema = z.object({ template: messageTemplateSchema });

/** `/admin/settings/message-templates` (plugins/platform), over a CommerceClient. */
export class MessageTemplatesApi {
  constructor(private readonly client: CommerceClient) {}

  /** Every kind with its texts in force (owners, managers and the worker). */
  async list(): Promise<MessageTemplate[]> {
    return (await this.client.request("GET", "/admin/settings/message-templates", messageTemplateListAnswerSchema)).templates;
  }

  /** Sets or resets (`null`) the text of one or both languages; an unknown `{placeholder}` is a 400 naming the language. */
  async update(kind: MessageTemplateKind, update: MessageTemplateUpdate): Promise<MessageTemplate> {
    return (await this.client.request("PUT", `/admin/settings/message-templates/${encodeURIComponent(kind)}`, messageTemplateAnswerSchema, update)).template;
  }
}
