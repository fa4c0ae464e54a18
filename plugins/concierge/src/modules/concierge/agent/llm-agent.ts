import { AIMessage, HumanMessage, type BaseMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { createAgent, tool } from "langchain";
import { z } from "zod";
import type { ConciergeEnv } from "./env";
import { chooseReplyLanguage, finaliseAgentReply } from "../../../domain/guards";
import { buildSystemPrompt } from "../../../domain/prompt";
import { ToolBox } from "../../../domain/toolbox";
import type { ChatContext, ConciergeReply, ShopData } from "../../../domain/agent-types";

const json = (value: unknown) => JSON.stringify(value);

function buildTools(box: ToolBox) {
  return [
    tool(async (args) => json(await box.jobStatus(args)), {
      name: "job_status",
      description: "Repair job status for the customer writing. Without arguments: their jobs. With job_number: that job, only if it is theirs (or if they also give the phone it was booked under).",
      schema: z.object({
        job_number: z.string().optional().describe("e.g. VSH-2026-000123"),
        phone: z.string().optional().describe("The phone the job was booked under, only if the customer typed it"),
      }),
    }),
    tool(async (args) => json(await box.searchKnowledge(args)), {
      name: "search_knowledge",
      description: "Search the shop's price list, FAQ, policies (warranty, diagnostic fee) and opening hours.",
      schema: z.object({ query: z.string().min(1), kind: z.enum(["faq", "price_list", "policy", "hours"]).optional() }),
    }),
    tool(async (args) => json(await box.checkStock(args)), {
      name: "check_stock",
      description: "How many of a part or accessory are in stock at the shop.",
      schema: z.object({ query: z.string().min(1).describe("e.g. iPhone 13 screen") }),
    }),
    tool(async (args) => json(box.handoff(args)), {
      name: "handoff_to_technician",
      description: "Hand the chat to a technician: when the tools have no answer, the question is out of scope, or the customer asks for a person.",
      schema: z.object({ reason: z.string().describe("Why, in a few words, for the technician") }),
    }),
  ];
}

function textOf(message: BaseMessage | undefined): string {
  if (!message) return "";
  const content = message.content;
  if (typeof content === "string") return content;
  return content.map((part) => ("text" in part && typeof part.text === "string" ? part.text : "")).join("");
}

/** One turn of the LangChain agent (any OpenAI-compatible chat model with tool calling). */
export async function answerWithModel(ctx: ChatContext, data: ShopData, env: ConciergeEnv): Promise<ConciergeReply> {
  const language = chooseReplyLanguage(ctx.text, ctx.previousLanguage);
  const box = new ToolBox(data, ctx.phone);
  const model = new ChatOpenAI({
    model: env.CONCIERGE_MODEL,
    apiKey: env.OPENAI_API_KEY,
    temperature: 0,
    timeout: env.CONCIERGE_TIMEOUT_MS,
    maxRetries: 1,
    configuration: env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : undefined,
  });
  const agent = createAgent({
    model,
    tools: buildTools(box),
    systemPrompt: buildSystemPrompt({ shopName: await data.shopName(), language, summary: ctx.summary }),
  });
  const history: BaseMessage[] = (ctx.recentTurns ?? []).slice(-6).flatMap((t) => [new HumanMessage(t.customer), new AIMessage(t.reply)]);
  const result = await agent.invoke({ messages: [...history, new HumanMessage(ctx.text)] }, { recursionLimit: 12 });
  const final = finaliseAgentReply({
    text: textOf(result.messages.at(-1)),
    handoffRequested: box.handoffReason !== null,
    revealedJobNumbers: [...box.revealed],
    customerText: ctx.text,
  });
  const reason = box.handoffReason ?? final.reason ?? "could_not_answer";
  return { reply: final.reply, handoff: final.handoff ? { reason } : null, language, tool_calls: box.calls, mode: "llm" };
}
