/**
 * Where processes find secrets owners set in the console (the vault): commerce's vault module
 * provides the source at start-up; the mailer and the concierge ask it at use and fall back to
 * their environment variables when it has nothing. Kept on globalThis so the ESM and CJS builds
 * of this package share one source.
 */
export type VaultSecretSource = (name: string) => Promise<string | null>;

const SOURCE_KEY = Symbol.for("voltura.vault.secret-source");
type Holder = { [SOURCE_KEY]?: VaultSecretSource | null };

export function provideVaultSecrets(source: VaultSecretSource | null): void {
  (globalThis as Holder)[SOURCE_KEY] = source;
}

/**
 * The vault's value for `name`, or undefined when no vault runs in this process, the secret is not
 * set, or it cannot be read (`onError` hears why; the caller then uses its environment variable).
 */
export async function vaultSecret(name: string, onError?: (error: unknown) => void): Promise<string | undefined> {
  const source = (globalThis as Holder)[SOURCE_KEY];
  if (!source) return undefined;
  try {
    const value = await source(name);
    return value === null || value === "" ? undefined : value;
  } catch (error) {
    onError?.(error);
    return undefined;
  }
}
