import { fail, type RequestEvent } from "@sveltejs/kit";
import { type VaultSecretList } from "@voltura/contracts";
import { deleteVaultSecret, listVaultSecrets, setVaultSecret, type CommerceClient } from "@voltura/medusa-client";
import { VAULT_SECRETS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { OWNERS_ONLY } from "$lib/server/route-access";
import { parseSecretValue, postedSecretName, type SecretsFormResult } from "$lib/operations/secrets-form";

/**
 * The Secrets card's server side, for the maintenance page: `loadSecrets` in its load, and
 * `secretsActions` spread into its actions (`?/setSecret`, `?/clearSecret`; fields `name`, `value`).
 * Answers carry the secret's name and a message, never a value.
 */
export async function loadSecrets(commerce: CommerceClient): Promise<{ secrets: VaultSecretList | null; secretsProblem: string | null }> {
  try {
    return { secrets: await listVaultSecrets(commerce), secretsProblem: null };
  } catch (err) {
    return { secrets: null, secretsProblem: commerceProblem(err).message };
  }
}

const failureStatus = (status: number) => (status >= 400 && status < 600 ? status : 502);

export const secretsActions = {
  /** Sets (or replaces) one secret: form fields `name` (hidden) and `value`. */
  setSecret: async ({ locals, request }: RequestEvent) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const data = await request.formData();
    const name = postedSecretName(data);
    if (!name) return fail(400, { section: "secrets", name: null, error: "Choose one of the listed secrets." } satisfies SecretsFormResult);
    const value = parseSecretValue(name, data.get("value"));
    if (!value.ok) return fail(400, { section: "secrets", name, errors: { value: value.error }, error: "Nothing was saved." } satisfies SecretsFormResult);
    try {
      const saved = await setVaultSecret(commerce, name, value.value);
      return { section: "secrets", name, success: `${VAULT_SECRETS[name].label} saved (sealed with key ${saved.key_id ?? "?"}).` } satisfies SecretsFormResult;
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(failureStatus(problem.status), { section: "secrets", name, error: problem.message } satisfies SecretsFormResult);
    }
  },

  /** Clears one secret (its environment variable applies again): form field `name`. */
  clearSecret: async ({ locals, request }: RequestEvent) => {
    const { commerce } = requireRole(locals, OWNERS_ONLY);
    const name = postedSecretName(await request.formData());
    if (!name) return fail(400, { section: "secrets", name: null, error: "Choose one of the listed secrets." } satisfies SecretsFormResult);
    try {
      await deleteVaultSecret(commerce, name);
      return { section: "secrets", name, success: `${VAULT_SECRETS[name].label} cleared.` } satisfies SecretsFormResult;
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(failureStatus(problem.status), { section: "secrets", name, error: problem.message } satisfies SecretsFormResult);
    }
  },
};
