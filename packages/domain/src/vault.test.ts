import { describe, expect, it } from "vitest";
import { setVaultSecretBodySchemaFor, VAULT_SECRET_NAMES, VAULT_SECRETS, vaultSecretNameSchema } from "./vault.js";

describe("vault secret names and values", () => {
  it("allows exactly the five names, each with its environment variable", () => {
    expect(VAULT_SECRET_NAMES).toHaveLength(5);
    expect(vaultSecretNameSchema.safeParse("database_url").success).toBe(false);
    expect(Object.keys(VAULT_SECRETS).sort()).toEqual([...VAULT_SECRET_NAMES].sort());
    expect(VAULT_SECRETS.smtp_url.env).toBe("SMTP_URL");
  });

  it("checks the value per name and trims it", () => {
    expect(setVaultSecretBodySchemaFor("smtp_url").parse({ value: " smtps://u:p@mail.example:465\n" }).value).toBe("smtps://u:p@mail.example:465");
    expect(setVaultSecretBodySchemaFor("smtp_url").safeParse({ value: "http://x" }).success).toBe(false);
    expect(setVaultSecretBodySchemaFor("openai_api_key").safeParse({ value: "sk a" }).success).toBe(false);
    expect(setVaultSecretBodySchemaFor("openai_api_key").safeParse({ value: "" }).success).toBe(false);
    expect(setVaultSecretBodySchemaFor("openai_api_key").safeParse({ value: "sk-1", extra: 1 }).success).toBe(false);
    expect(setVaultSecretBodySchemaFor("backup_s3_secret_access_key").parse({ value: "abc/DEF+1" }).value).toBe("abc/DEF+1");
  });
});
