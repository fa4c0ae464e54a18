import { setVaultSecretBodySchemaFor, vaultSecretNameSchema, type VaultSecretName } from "@voltura/domain";

/** What the Secrets card's forms answer: never the value. */
export interface SecretsFormResult {
  section: "secrets";
  name: VaultSecretName | null;
  errors?: { value?: string };
  error?: string;
  success?: string;
}

/** The secret a form names (hidden field `name`), or null when it is not one the vault allows. */
export function postedSecretName(data: FormData): VaultSecretName | null {
  const parsed = vaultSecretNameSchema.safeParse(data.get("name"));
  return parsed.success ? parsed.data : null;
}

/** The value of a "Set" form (field `value`), trimmed and checked as commerce checks it. */
export function parseSecretValue(name: VaultSecretName, raw: FormDataEntryValue | null): { ok: true; value: string } | { ok: false; error: string } {
  const parsed = setVaultSecretBodySchemaFor(name).safeParse({ value: typeof raw === "string" ? raw : "" });
  if (parsed.success) return { ok: true, value: parsed.data.value };
  const message = parsed.error.issues[0]?.message ?? "value is invalid";
  const text = message.replace(/^value /, "");
  return { ok: false, error: text.charAt(0).toUpperCase() + text.slice(1) };
}
