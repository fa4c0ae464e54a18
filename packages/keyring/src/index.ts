export { KEYS_FILE_ENV, KEYS_FILE_FORMAT, KEY_PURPOSES, KeyRingError, keyRingFileSchema, readKeyRingFile, type KeyPurpose, type KeyRingFile } from "./key-file.js";
export { addKey, createKeyRingFile, keyRingFromFile, loadKeyRing, retireKey, type KeyRing } from "./key-ring.js";
export { SEALED_PREFIX, SealedSecretError, openText, sealText, sealedKeyId } from "./seal.js";
export { keyRingLoader } from "./loader.js";
export { provideVaultSecrets, vaultSecret, type VaultSecretSource } from "./vault-source.js";
