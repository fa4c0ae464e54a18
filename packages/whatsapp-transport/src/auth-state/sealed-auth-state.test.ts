import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { addKey, createKeyRingFile, keyRingLoader, retireKey } from "@voltura/keyring";
import { beforeEach, describe, expect, it } from "vitest";
import type { StoredAuthState } from "./auth-state-store.js";
import { AuthStateDecryptionError, encryptAuthState, type SecretBlobStore } from "./encryption.js";
import { authStateNeedsResealing, openAuthState, resealAuthState, sealAuthState, sealedAuthStateStore, type AuthStateKeys } from "./sealed-auth-state.js";

const state = (): StoredAuthState => ({ creds: { registered: true, me: { id: "60390001234:7@s.whatsapp.net" }, advKey: Buffer.from("adv") }, keys: {} });

function memoryBlobs(initial: string | null = null): SecretBlobStore & { value: string | null } {
  const blobs = {
    value: initial,
    read: async () => blobs.value,
    write: async (blob: string) => void (blobs.value = blob),
    remove: async () => void (blobs.value = null),
  };
  return blobs;
}

let file: string;
let keys: AuthStateKeys;
const legacyKey = randomBytes(32);
beforeEach(() => {
  file = createKeyRingFile(path.join(mkdtempSync(path.join(tmpdir(), "wa-ring-")), "keys.json"));
  keys = { ring: keyRingLoader({ file }), legacyKey };
});

describe("auth state on the key ring (vk1)", () => {
  it("seals new writes as vk1 under the current secrets key, bound to the session", () => {
    const blob = sealAuthState(state(), keys, "wa_sess_1");
    const current = keys.ring!().current("secrets").id;
    expect(blob.startsWith(`vk1.${current}.`)).toBe(true);
    expect(blob).not.toContain("60390001234");
    expect(openAuthState(blob, keys, "wa_sess_1").creds.registered).toBe(true);
    expect(() => openAuthState(blob, keys, "wa_sess_2")).toThrow(AuthStateDecryptionError);
    expect(() => openAuthState(blob, keys, "wa_sess_2")).toThrow(/did not decrypt/);
  });

  it("reads a v1 blob with WHATSAPP_AUTH_STATE_KEY, and the next save moves it to vk1", async () => {
    const v1 = encryptAuthState(state(), legacyKey, "wa_sess_1");
    const blobs = memoryBlobs(v1);
    const store = sealedAuthStateStore(blobs, keys, "wa_sess_1");
    const loaded = await store.load();
    expect((loaded!.creds.advKey as Buffer).toString()).toBe("adv");
    expect(authStateNeedsResealing(v1, keys.ring!().current("secrets").id)).toBe(true);
    await store.save(loaded!);
    expect(blobs.value!.startsWith("vk1.")).toBe(true);
    expect(authStateNeedsResealing(blobs.value!, keys.ring!().current("secrets").id)).toBe(false);
    expect((await store.load())!.creds.me).toEqual({ id: "60390001234:7@s.whatsapp.net" });
  });

  it("says which key is missing for either format", () => {
    const v1 = encryptAuthState(state(), legacyKey, "s");
    expect(() => openAuthState(v1, { ring: keys.ring, legacyKey: null }, "s")).toThrow(/WHATSAPP_AUTH_STATE_KEY, which is not set/);
    expect(() => openAuthState(v1, { ring: keys.ring, legacyKey: randomBytes(32) }, "s")).toThrow(/did not decrypt/);
    const vk1 = sealAuthState(state(), keys, "s");
    expect(() => openAuthState(vk1, { ring: null, legacyKey }, "s")).toThrow(/VOLTURA_KEYS_FILE is not set/);
    expect(() => sealAuthState(state(), { ring: null, legacyKey: null }, "s")).toThrow(/neither VOLTURA_KEYS_FILE nor WHATSAPP_AUTH_STATE_KEY/);
  });

  it("writes v1 while no key ring is configured (upgrade before the ring exists)", () => {
    const blob = sealAuthState(state(), { ring: null, legacyKey }, "s");
    expect(blob.startsWith("v1.")).toBe(true);
    expect(openAuthState(blob, keys, "s").creds.registered).toBe(true);
  });

  it("keeps reading after a rotation the running process did not start, and fails once the old key is retired", () => {
    const before = sealAuthState(state(), keys, "s");
    const { id, previous } = addKey(file, "secrets");
    expect(openAuthState(before, keys, "s").creds.registered).toBe(true);
    const after = sealAuthState(state(), keys, "s");
    expect(after.startsWith(`vk1.${id}.`)).toBe(true);
    retireKey(file, "secrets", previous);
    expect(() => openAuthState(before, keys, "s")).toThrow(new RegExp(`${previous}, which is not in the key ring`));
    expect(openAuthState(after, keys, "s").creds.registered).toBe(true);
  });

  it("reseals a v1 blob or an older key's blob under the current key, same session", () => {
    const v1 = encryptAuthState(state(), legacyKey, "s");
    const old = sealAuthState(state(), keys, "s");
    const { id } = addKey(file, "secrets");
    for (const blob of [v1, old]) {
      const resealed = resealAuthState(blob, { ring: keys.ring!, legacyKey }, "s");
      expect(resealed.startsWith(`vk1.${id}.`)).toBe(true);
      expect((openAuthState(resealed, keys, "s").creds.advKey as Buffer).toString()).toBe("adv");
      expect(() => openAuthState(resealed, keys, "other")).toThrow(AuthStateDecryptionError);
    }
  });
});
