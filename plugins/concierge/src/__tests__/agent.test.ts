import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDOFF_TEXT } from "@voltura/conversation";
import { answerMessage } from "../modules/concierge/agent/answer";
import { conciergeEnvSchema, type ConciergeEnv } from "../modules/concierge/agent/env";
import { AISYAH, demoDocuments, demoJobs, memoryShopData } from "./memory-shop-data";
import { lastToolResult, startScriptedOpenAI, type ChatRequest, type Script } from "./scripted-openai";

const data = memoryShopData({
  jobs: demoJobs,
  documents: demoDocuments,
  stock: [{ title: "iPhone 13 Screen (OEM)", sku: "PART-IP13-LCD-OEM", available: 6 }],
});

let script: Script = () => ({ content: "" });
let server: Awaited<ReturnType<typeof startScriptedOpenAI>>;
let env: ConciergeEnv;

beforeAll(async () => {
  server = await startScriptedOpenAI((req, turn) => script(req, turn));
  env = conciergeEnvSchema.parse({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: server.baseURL, CONCIERGE_MODEL: "scripted-model" });
});
afterAll(() => server.close());

function systemOf(req: ChatRequest): string {
  const content: unknown = req.messages.find((m) => m.role === "system")?.content ?? "";
  return Array.isArray(content) ? content.map((p: { text?: string }) => p.text ?? "").join("") : String(content);
}
const ask = (text: string, phone = AISYAH) => answerMessage({ phone, text }, data, { env, onModelError: (e) => { throw e; } });

describe("the LangChain agent against a scripted OpenAI-compatible server", () => {
  it("calls job_status and answers the sender's job in BM", async () => {
    const before = server.requests.length;
    script = (req) => {
      const result = lastToolResult(req) as { jobs: Array<{ job_number: string; status_label: { ms: string } }> } | undefined;
      if (!result) return { toolCalls: [{ name: "job_status", args: {} }] };
      const job = result.jobs[0]!;
      return { content: `Status job ${job.job_number}: ${job.status_label.ms}.` };
    };
    const out = await ask("status phone saya dah siap ke?");
    expect(out.mode).toBe("llm");
    expect(out.tool_calls).toEqual([{ name: "job_status", args: {} }]);
    expect(out.reply).toBe("Status job VSH-2026-000001: Sedang dibaiki.");
    expect(out.language).toBe("ms");
    expect(out.handoff).toBeNull();
    const first = server.requests[before]!;
    expect(systemOf(first)).toContain("Reply in Bahasa Melayu.");
    expect(first.tools?.map((t) => t.function.name).sort()).toEqual(["check_stock", "handoff_to_technician", "job_status", "search_knowledge"]);
  });

  it("never reveals another customer's job asked for by number, and hands off with the exact text", async () => {
    let seen: unknown;
    script = (req) => {
      const result = lastToolResult(req);
      if (!result) return { toolCalls: [{ name: "job_status", args: { job_number: "VSH-2026-000002" } }] };
      if (!seen) {
        seen = result;
        return { toolCalls: [{ name: "handoff_to_technician", args: { reason: "job not found for this phone" } }] };
      }
      return { content: HANDOFF_TEXT };
    };
    const out = await ask("what is the status of VSH-2026-000002?");
    expect(seen).toEqual({ jobs: [], note: "No job with that number for this customer's phone." });
    expect(out.reply).toBe(HANDOFF_TEXT);
    expect(out.handoff).toEqual({ reason: "job not found for this phone" });
    expect(out.language).toBe("en");
    expect(out.tool_calls.map((c) => c.name)).toEqual(["job_status", "handoff_to_technician"]);
  });

  it("a model that names a job it was not shown is overruled: exact fallback, no leak", async () => {
    script = () => ({ content: "Job VSH-2026-000002 (Samsung Galaxy A54) is completed." });
    const out = await ask("is my phone ready?");
    expect(out.reply).toBe(HANDOFF_TEXT);
    expect(out.reply).not.toContain("Samsung");
    expect(out.handoff?.reason).toBe("unshown_job");
  });

  it("answers prices from retrieval and stock from the shop's inventory, in Manglish when the customer mixes", async () => {
    const before = server.requests.length;
    script = (req) => {
      const result = lastToolResult(req) as { results?: Array<{ price?: { price_text: string } }>; items?: Array<{ available: number }> } | undefined;
      if (!result) return { toolCalls: [{ name: "search_knowledge", args: { query: "iPhone 13 screen", kind: "price_list" } }] };
      if (result.results) return { toolCalls: [{ name: "check_stock", args: { query: "iPhone 13 screen" } }] };
      return { content: `Screen iPhone 13 ${"RM 430"}, stock ada ${result.items![0]!.available} unit.` };
    };
    const out = await ask("bro how much for iphone 13 screen, ada stock tak?");
    expect(out.tool_calls.map((c) => c.name)).toEqual(["search_knowledge", "check_stock"]);
    expect(out.reply).toContain("RM 430");
    expect(out.language).toBe("mixed");
    expect(systemOf(server.requests[before]!)).toMatch(/Manglish/);
    const searchResult = lastToolResult(server.requests[before + 1]!) as { results: Array<{ price?: { price_sen: number } }> };
    expect(searchResult.results[0]!.price?.price_sen).toBe(43000);
  });

  it("falls back to offline mode when the model server fails", async () => {
    const broken = conciergeEnvSchema.parse({ OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: "http://127.0.0.1:9/v1", CONCIERGE_TIMEOUT_MS: 2000 });
    const errors: unknown[] = [];
    const out = await answerMessage({ phone: AISYAH, text: "status phone saya?" }, data, { env: broken, onModelError: (e) => errors.push(e) });
    expect(errors).toHaveLength(1);
    expect(out.mode).toBe("offline");
    expect(out.reply).toContain("VSH-2026-000001");
  });
});

describe("offline mode (no key)", () => {
  it("answers from the same tools without a model", async () => {
    const out = await answerMessage({ phone: AISYAH, text: "status phone saya?" }, data, { env: conciergeEnvSchema.parse({}) });
    expect(out.mode).toBe("offline");
    expect(out.reply).toContain("Sedang dibaiki");
  });
});
