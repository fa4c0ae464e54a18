import { provideVaultSecrets } from "@voltura/keyring";
import { afterEach, describe, expect, it } from "vitest";
import { resolveConciergeEnv } from "../modules/concierge/agent/env";

afterEach(() => provideVaultSecrets(null));

describe("the concierge's OpenAI key", () => {
  it("is the vault's openai_api_key when owners set one, else OPENAI_API_KEY", async () => {
    expect((await resolveConciergeEnv({ OPENAI_API_KEY: "sk-env" })).OPENAI_API_KEY).toBe("sk-env");
    provideVaultSecrets(async (name) => (name === "openai_api_key" ? "sk-vault" : null));
    const env = await resolveConciergeEnv({ OPENAI_API_KEY: "sk-env", CONCIERGE_MODEL: "m" });
    expect(env).toMatchObject({ OPENAI_API_KEY: "sk-vault", CONCIERGE_MODEL: "m" });
    expect((await resolveConciergeEnv({})).OPENAI_API_KEY).toBe("sk-vault");
  });

  it("falls back to the environment (offline without it) when the vault cannot be read", async () => {
    provideVaultSecrets(async () => {
      throw new Error("key ring missing");
    });
    expect((await resolveConciergeEnv({ OPENAI_API_KEY: "sk-env" })).OPENAI_API_KEY).toBe("sk-env");
    expect((await resolveConciergeEnv({})).OPENAI_API_KEY).toBeUndefined();
  });
});
