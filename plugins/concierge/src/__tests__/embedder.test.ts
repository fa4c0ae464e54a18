import { describe, expect, it } from "vitest";
import { conciergeEnvSchema, readConciergeEnv } from "../modules/concierge/agent/env";
import { chooseEmbedder } from "../modules/concierge/embedder";

describe("concierge settings from the environment", () => {
  it("runs offline with the local embedder when no key is set", () => {
    const env = readConciergeEnv({ OPENAI_API_KEY: "", CONCIERGE_MODEL: "" });
    expect(env).toMatchObject({ OPENAI_API_KEY: undefined, CONCIERGE_MODEL: "gpt-4o-mini", CONCIERGE_EMBEDDER: "auto" });
    expect(chooseEmbedder(env)).toMatchObject({ name: "local-hash-384", tableName: "concierge_chunk_local" });
  });

  it("uses OpenAI-compatible embeddings with a key, unless told to stay local", () => {
    const env = conciergeEnvSchema.parse({ OPENAI_API_KEY: "sk-x", OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" });
    expect(chooseEmbedder(env)).toMatchObject({ name: "openai:text-embedding-3-small-384", tableName: "concierge_chunk_openai" });
    expect(chooseEmbedder({ ...env, CONCIERGE_EMBEDDER: "local" }).name).toBe("local-hash-384");
    expect(() => chooseEmbedder(conciergeEnvSchema.parse({ CONCIERGE_EMBEDDER: "openai" }))).toThrow(/needs OPENAI_API_KEY/);
  });

  it("names the variable at fault", () => {
    expect(() => readConciergeEnv({ OPENAI_BASE_URL: "not a url" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => readConciergeEnv({ CONCIERGE_TIMEOUT_MS: "5" })).toThrow(/CONCIERGE_TIMEOUT_MS/);
  });
});
