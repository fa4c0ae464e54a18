import { MESSAGE_TEMPLATE_KINDS, messageTemplateUpdateSchema, type MessageTemplateUpdate } from "@voltura/domain";
import { z } from "zod";

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
