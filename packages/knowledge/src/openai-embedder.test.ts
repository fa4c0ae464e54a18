import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OpenAIEmbedder } from "./openai-embedder.js";

interface Captured { url: string; auth: string | undefined; body: { model: string; input: string[] | string; dimensions?: number; encoding_format?: string } }

const DIMS = 4;
const fixedVector = (i: number) => [i + 0.1, i + 0.2, i + 0.3, i + 0.4];

let server: Server;
let baseURL: string;
const requests: Captured[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const body = JSON.parse(raw) as Captured["body"];
      requests.push({ url: req.url ?? "", auth: req.headers.authorization, body });
      const inputs = Array.isArray(body.input) ? body.input : [body.input];
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({
        object: "list",
        model: body.model,
        data: inputs.map((_, index) => ({ object: "embedding", index, embedding: fixedVector(index) })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("OpenAIEmbedder (against a local /v1/embeddings server)", () => {
  it("sends model/input/dimensions and parses vectors for documents", async () => {
    requests.length = 0;
    const embedder = new OpenAIEmbedder({ apiKey: "sk-test", baseURL, model: "text-embedding-3-small", dimensions: DIMS, maxRetries: 0 });
    const vectors = await embedder.embedDocuments(["berapa harga screen", "opening hours"]);
    expect(vectors).toEqual([fixedVector(0), fixedVector(1)]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe("/v1/embeddings");
    expect(requests[0]!.auth).toBe("Bearer sk-test");
    expect(requests[0]!.body).toMatchObject({
      model: "text-embedding-3-small", input: ["berapa harga screen", "opening hours"], dimensions: DIMS, encoding_format: "float",
    });
  });

  it("embeds a query with the configured model", async () => {
    requests.length = 0;
    const embedder = new OpenAIEmbedder({ apiKey: "sk-test", baseURL, model: "my-local-model", dimensions: DIMS, maxRetries: 0 });
    expect(await embedder.embedQuery("bukak pukul berapa")).toEqual(fixedVector(0));
    expect(requests[0]!.body.model).toBe("my-local-model");
    const input = requests[0]!.body.input;
    expect(Array.isArray(input) ? input : [input]).toEqual(["bukak pukul berapa"]);
  });

  it("rejects vectors of the wrong size", async () => {
    const embedder = new OpenAIEmbedder({ apiKey: "sk-test", baseURL, dimensions: 8, maxRetries: 0 });
    await expect(embedder.embedQuery("x")).rejects.toThrow(/expected 8 dimensions/);
  });

  it("requires an API key", () => {
    const saved = process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_API_KEY;
    try {
      expect(() => new OpenAIEmbedder({ baseURL })).toThrow(/apiKey/);
    } finally {
      if (saved !== undefined) process.env.OPENAI_API_KEY = saved;
    }
  });
});
