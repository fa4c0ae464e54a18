import { describe, expect, it } from "vitest";
import { VAULT_SECRET_NAMES } from "@voltura/domain";
import { vaultSecretsView } from "../domain/vault-view";

describe("vaultSecretsView", () => {
  const row = { name: "smtp_url" as const, key_id: "s-20261207-aaaaaa", updated_by: "Olivia Owner", updated_at: "2026-12-07T01:00:00.000Z" };

  it("lists every allowed name once, set or not, and never a value", () => {
    const view = vaultSecretsView([row], { OPENAI_API_KEY: "sk-env", SMTP_URL: " " }, "s-20261207-aaaaaa");
    expect(view.map((v) => v.name)).toEqual([...VAULT_SECRET_NAMES]);
    expect(view[0]).toEqual({
      name: "smtp_url", label: "SMTP server", env: "SMTP_URL", set: true, env_set: false,
      key_id: "s-20261207-aaaaaa", stale_key: false, updated_at: "2026-12-07T01:00:00.000Z", updated_by: "Olivia Owner",
    });
    expect(view[1]).toMatchObject({ name: "openai_api_key", set: false, env_set: true, key_id: null, stale_key: false });
    expect(JSON.stringify(view)).not.toContain("sk-env");
  });

  it("marks a secret sealed under an older key", () => {
    expect(vaultSecretsView([row], {}, "s-20261208-bbbbbb")[0]!.stale_key).toBe(true);
    expect(vaultSecretsView([row], {}, null)[0]!.stale_key).toBe(false);
  });
});
