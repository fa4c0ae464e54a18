import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { HANDOFF_TEXT } from "@voltura/conversation";
import { tryNormalisePhone } from "@voltura/domain";
import type { ConciergeAnswer } from "@voltura/contracts";
import { answerMessage } from "../../../modules/concierge/agent/answer";
import type { ChatContext, ConciergeReply } from "../../../domain/agent-types";
import type { ConversationRecord, HandoffRecord } from "../../../modules/concierge/records";
import { containerShopData } from "./container-shop-data";
import { conciergeOf } from "../../../workflows/steps/service";
import { recordConciergeTurnWorkflow } from "../../../workflows/record-concierge-turn";

/** A phone from a request → E.164, or a 400 naming the field. Route params arrive URL-encoded; body fields may hold a bare "%". */
export function phoneOrThrow(raw: string, field = "phone"): string {
  let text = raw;
  try {
    text = decodeURIComponent(raw);
  } catch {
    // Not URL-encoded: normalise it as typed (it is then refused below unless it is a phone).
  }
  const phone = tryNormalisePhone(text);
  if (!phone) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: "${raw}" is not a valid phone number`);
  return phone;
}

export async function findConversation(scope: MedusaContainer, phone: string): Promise<ConversationRecord | null> {
  const [row] = await conciergeOf(scope).listConversations({ phone });
  return row ?? null;
}

export async function customerIdByPhone(scope: MedusaContainer, phone: string): Promise<string | null> {
  const customers = scope.resolve(Modules.CUSTOMER);
  const [found] = await customers.listCustomers({ phone } as Parameters<typeof customers.listCustomers>[0], { take: 1, order: { created_at: "ASC" } });
  return found?.id ?? null;
}

export async function chatContext(scope: MedusaContainer, phone: string, text: string): Promise<ChatContext> {
  const conversation = await findConversation(scope, phone);
  return {
    phone,
    text,
    previousLanguage: conversation?.language,
    summary: conversation?.summary || undefined,
    recentTurns: (conversation?.recent_turns ?? []).map((t) => ({ customer: t.customer, reply: t.reply })),
  };
}

/** The concierge's reply without side effects (drafts, the knowledge page's test box). */
export async function dryRunAnswer(scope: MedusaContainer, phone: string, text: string): Promise<ConciergeReply> {
  const logger = scope.resolve(ContainerRegistrationKeys.LOGGER);
  return answerMessage(await chatContext(scope, phone, text), containerShopData(scope), {
    onModelError: (e) => logger.warn(`concierge: model failed, answering offline: ${String(e)}`),
  });
}

/**
 * Answers one inbound message (POST /admin/concierge/answer). Idempotent per message id (a
 * retried activity gets the recorded answer); quiet while a person handles the chat.
 */
export async function respondToMessage(scope: MedusaContainer, input: { phone: string; body: string; message_id: string }): Promise<ConciergeAnswer> {
  const service = conciergeOf(scope);
  const conversation = await findConversation(scope, input.phone);
  const settings = await service.retrieveConciergeSettings();
  const escalate_after_minutes = settings.escalate_after_minutes;
  const active = await service.activeHandoff(input.phone);
  const language = conversation?.language ?? "mixed";

  const seen = conversation?.recent_turns?.find((t) => t.message_id === input.message_id);
  if (seen) {
    return { reply: seen.reply, handoff: seen.handoff && active ? { id: active.id, escalate_after_minutes } : null, language: seen.language, tool_calls: [], mode: "offline" };
  }
  if (active) return { reply: "", handoff: { id: active.id, escalate_after_minutes }, language, tool_calls: [], mode: "quiet" };

  const answer: ConciergeReply = settings.bot_enabled
    ? await dryRunAnswer(scope, input.phone, input.body)
    : { reply: HANDOFF_TEXT, handoff: { reason: "bot_off" }, language: "mixed", tool_calls: [], mode: "offline" };

  const customerId = conversation?.customer_id ?? await customerIdByPhone(scope, input.phone);
  const { result } = await recordConciergeTurnWorkflow(scope).run({
    input: {
      phone: input.phone,
      customer_id: customerId,
      turn: { message_id: input.message_id, customer: input.body, reply: answer.reply, language: answer.language, handoff: answer.handoff !== null, at: new Date().toISOString() },
      handoff: answer.handoff
        ? { reason: answer.handoff.reason, summary: [conversation?.summary, `Customer: ${input.body}`].filter(Boolean).join("\n").slice(-2000) }
        : null,
    },
  });
  const opened = result.opened as { handoff: HandoffRecord } | undefined;
  return {
    reply: answer.reply,
    handoff: opened ? { id: opened.handoff.id, escalate_after_minutes } : null,
    language: answer.language,
    tool_calls: answer.tool_calls,
    mode: answer.mode,
  };
}
