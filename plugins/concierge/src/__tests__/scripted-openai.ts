import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ChatRequest {
  model: string;
  messages: Array<{ role: string; content: string | null | Array<{ type: string; text?: string }>; tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>; tool_call_id?: string }>;
  tools?: Array<{ function: { name: string } }>;
}

export type ScriptedTurn = { toolCalls: Array<{ name: string; args: Record<string, unknown> }> } | { content: string };

/** Decides the model's next turn from the conversation so far (so a script can read tool results). */
export type Script = (request: ChatRequest, turn: number) => ScriptedTurn;

/**
 * A local OpenAI-compatible server that plays a script: /v1/chat/completions answers with
 * tool_calls or content, /v1/embeddings with deterministic vectors. Requests are kept for asserts.
 */
export async function startScriptedOpenAI(script: Script): Promise<{ baseURL: string; requests: ChatRequest[]; close(): Promise<void> }> {
  const requests: ChatRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = raw ? JSON.parse(raw) : {};
      res.setHeader("content-type", "application/json");
      if (req.url?.endsWith("/chat/completions")) {
        requests.push(body as ChatRequest);
        const turn = script(body as ChatRequest, requests.length - 1);
        const message =
          "content" in turn
            ? { role: "assistant", content: turn.content }
            : {
                role: "assistant",
                content: null,
                tool_calls: turn.toolCalls.map((c, i) => ({ id: `call_${requests.length}_${i}`, type: "function", function: { name: c.name, arguments: JSON.stringify(c.args) } })),
              };
        res.end(JSON.stringify({
          id: `chatcmpl-${requests.length}`, object: "chat.completion", created: 1_770_000_000, model: body.model,
          choices: [{ index: 0, message, finish_reason: "content" in turn ? "stop" : "tool_calls" }],
          usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
        }));
        return;
      }
      if (req.url?.endsWith("/embeddings")) {
        const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
        const dims = body.dimensions ?? 384;
        const data = inputs.map((text, index) => ({ object: "embedding", index, embedding: Array.from({ length: dims }, (_, i) => ((text.length * (i + 1)) % 7) / 7) }));
        res.end(JSON.stringify({ object: "list", data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
        return;
      }
      res.statusCode = 404;
      res.end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The last tool message the agent sent back, parsed. */
export function lastToolResult(request: ChatRequest): unknown {
  const tool = [...request.messages].reverse().find((m) => m.role === "tool");
  if (!tool?.content) return undefined;
  return JSON.parse(typeof tool.content === "string" ? tool.content : tool.content.map((p) => p.text ?? "").join(""));
}
