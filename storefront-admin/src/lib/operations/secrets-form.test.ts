import { describe, expect, it } from "vitest";
import { parseSecretValue, postedSecretName } from "./secrets-form";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe("the Secrets card's forms", () => {
  it("accepts only the vault's names", () => {
    expect(postedSecretName(form({ name: "openai_api_key" }))).toBe("openai_api_key");
    expect(postedSecretName(form({ name: "database_url" }))).toBeNull();
    expect(postedSecretName(form({}))).toBeNull();
  });

  it("trims the value and checks it per secret, with a sentence for the field", () => {
    expect(parseSecretValue("smtp_url", " smtps://u:p@mail.example:465 \n")).toEqual({ ok: true, value: "smtps://u:p@mail.example:465" });
    expect(parseSecretValue("smtp_url", "mail.example")).toEqual({ ok: false, error: "Must be an smtp:// or smtps:// URL" });
    expect(parseSecretValue("openai_api_key", "  ")).toEqual({ ok: false, error: "Is required" });
    expect(parseSecretValue("openai_api_key", null)).toMatchObject({ ok: false });
    expect(parseSecretValue("backup_s3_access_key_id", "AKIA 1")).toEqual({ ok: false, error: "Must not contain spaces" });
  });
});
