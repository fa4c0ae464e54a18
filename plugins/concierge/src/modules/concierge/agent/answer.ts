import { resolveConciergeEnv, type ConciergeEnv } from "./env";
import { answerWithModel } from "./llm-agent";
import { answerOffline } from "../../../domain/offline";
import type { ChatContext, ConciergeReply, ShopData } from "../../../domain/agent-types";

/**
 * The concierge's answer to one customer message: the LangChain agent when a model key is set,
 * offline intent matching otherwise — and also when the model server fails, so a customer is
 * never left without a reply.
 */
export async function answerMessage(
  ctx: ChatContext,
  data: ShopData,
  options: { env?: ConciergeEnv; onModelError?: (error: unknown) => void } = {},
): Promise<ConciergeReply> {
  const env = options.env ?? (await resolveConciergeEnv());
  if (!env.OPENAI_API_KEY) return answerOffline(ctx, data);
  try {
    return await answerWithModel(ctx, data, env);
  } catch (error) {
    options.onModelError?.(error);
    return answerOffline(ctx, data);
  }
}
