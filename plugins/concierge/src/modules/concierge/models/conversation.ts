import { model } from "@medusajs/framework/utils";

export interface ConversationTurn {
  message_id: string;
  customer: string;
  reply: string;
  language: "ms" | "en" | "mixed";
  handoff: boolean;
  at: string;
}

/**
 * One WhatsApp chat per customer phone (E.164): whether the bot or a person answers, and the AI
 * context (a running summary plus the most recent turns, newest last).
 */
export const Conversation = model
  .define("concierge_conversation", {
    id: model.id({ prefix: "conv" }).primaryKey(),
    phone: model.text().unique(),
    customer_id: model.text().nullable(),
    mode: model.enum(["bot", "handoff"]).default("bot"),
    summary: model.text().default(""),
    recent_turns: model.json<ConversationTurn[]>(),
    language: model.enum(["ms", "en", "mixed"]).default("mixed"),
    last_message_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["last_message_at"] }]);
