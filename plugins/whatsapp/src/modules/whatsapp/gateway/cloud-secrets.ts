import { KEYS_FILE_ENV, keyRingLoader, openText, sealText, SealedSecretError, type KeyRing } from "@voltura/keyring";
import { cloudConfigSchema } from "@voltura/contracts";

/** A Cloud API number's secrets: one sealed JSON value on its session row (`cloud_secrets`). */
export interface CloudSecrets {
  access_token: string;
  app_secret: string;
  verify_token: string;
}

const cloudSecretsSchema = cloudConfigSchema.pick({ access_token: true, app_secret: true, verify_token: true });

export class CloudSecretsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CloudSecretsError";
  }
}

let loader: { file: string | undefined; ring: () => KeyRing } | null = null;

/** The process's key ring (re-read when the file changes), or an error naming VOLTURA_KEYS_FILE. */
export function secretsRing(env: NodeJS.ProcessEnv = process.env): KeyRing {
  const file = env[KEYS_FILE_ENV]?.trim();
  if (!file) throw new CloudSecretsError(`${KEYS_FILE_ENV} is not set: a Cloud API number's access token and app secret are stored sealed with the key ring`);
  if (loader?.file !== file) loader = { file, ring: keyRingLoader({ file }) };
  return loader.ring();
}

/** Seals the secrets with the ring's current "secrets" key; the session id is the associated data. */
export function sealCloudSecrets(ring: KeyRing, sessionId: string, secrets: CloudSecrets): string {
  return sealText(ring, JSON.stringify(cloudSecretsSchema.parse(secrets)), sessionId);
}

/** Opens a session's sealed secrets; a value copied from another session, or tampered with, does not open. */
export function openCloudSecrets(ring: KeyRing, sessionId: string, sealed: string): CloudSecrets {
  let json: string;
  try {
    json = openText(ring, sealed, sessionId);
  } catch (error) {
    if (error instanceof SealedSecretError) throw new CloudSecretsError(`the Cloud API secrets of session ${sessionId} did not open: ${error.message}`);
    throw error;
  }
  return cloudSecretsSchema.parse(JSON.parse(json)) as CloudSecrets;
}

/** Which secrets a session has, for answers that never carry them. */
export function secretsSetOf(secrets: Partial<CloudSecrets> | null): { access_token_set: boolean; app_secret_set: boolean; verify_token_set: boolean } {
  return { access_token_set: Boolean(secrets?.access_token), app_secret_set: Boolean(secrets?.app_secret), verify_token_set: Boolean(secrets?.verify_token) };
}
