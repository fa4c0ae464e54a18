import type { MedusaContainer } from "@medusajs/framework/types";
import { keyRingLoader } from "@voltura/keyring";
import { vaultSecretNameSchema, type VaultSecretName } from "@voltura/domain";
import { parseOrThrow } from "@voltura/medusa-kit";
import { z } from "zod";
import { VAULT_MODULE } from "../../../modules/vault";
import type VaultModuleService from "../../../modules/vault/service";

export const vaultService = (scope: MedusaContainer) => scope.resolve<VaultModuleService>(VAULT_MODULE);

const nameParamsSchema = z.object({ name: vaultSecretNameSchema });

/** The `:name` path parameter; anything but an allowed secret name is a 400 naming `name`. */
export function secretNameParam(params: unknown): VaultSecretName {
  return parseOrThrow(nameParamsSchema, params).name;
}

const ring = keyRingLoader();

/** The ring's current "secrets" key id, or null when the key ring cannot be read (the list still answers). */
export function currentSecretsKeyId(): string | null {
  try {
    return ring().current("secrets").id;
  } catch {
    return null;
  }
}
