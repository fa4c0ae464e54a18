import { type MessageTemplateKind, type MessageTemplateUpdate } from "@voltura/domain";
import { type CommerceClient } from "./client.js";
import { type MessageTemplate, messageTemplateListAnswerSchema, messageTemplateAnswerSchema } from "@voltura/contracts";

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
