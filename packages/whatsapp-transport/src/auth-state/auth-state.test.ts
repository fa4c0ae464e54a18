import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  deserializeAuthState,
  InMemoryAuthStateStore,
  serializeAuthState,
  type StoredAuthState,
} from "./auth-state-store.js";
import {
  AUTH_STATE_KEY_ENV,
  AuthStateDecryptionError,
  authStateKeyFromEnv,
  decryptAuthState,
  encryptAuthState,
  encryptedAuthStateStore,
  type SecretBlobStore,
} from "./encryption.js";

function sampleState(): StoredAuthState {
  return {
    creds: {
      noiseKey: { public: Buffer.from("noise-public"), private: new Uint8Array([1, 2, 3]) },
      registrationId: 4242,
      registered: true,
      me: { id: "60390001234:7@s.whatsapp.net", name: "Voltura" },
    },
    keys: { "pre-key": { "1": { public: Buffer.from([9, 9]), private: Buffer.from([8, 8]) } }, session: { "60123456789.0": Buffer.from("s") } },
  };
}

describe("auth state serialisation", () => {
  it("round-trips Buffers and Uint8Arrays as Buffers", () => {
    const restored = deserializeAuthState(serializeAuthState(sampleState()));
    const noise = restored.creds.noiseKey as { public: Buffer; private: Buffer };
    expect(Buffer.isBuffer(noise.public)).toBe(true);
    expect(noise.public.toString()).toBe("noise-public");
    expect([...noise.private]).toEqual([1, 2, 3]);
    expect(restored.creds.me).toEqual({ id: "60390001234:7@s.whatsapp.net", name: "Voltura" });
    expect((restored.keys.session!["60123456789.0"] as Buffer).toString()).toBe("s");
  });

  it("writes binary values in Baileys' BufferJSON shape and reads its older array form", () => {
    const json = serializeAuthState({ creds: { advKey: Buffer.from("hi") }, keys: {} });
    expect(JSON.parse(json).creds.advKey).toEqual({ type: "Buffer", data: Buffer.from("hi").toString("base64") });
    const legacy = deserializeAuthState('{"creds":{"k":{"type":"Buffer","data":[104,105]}},"keys":{}}');
    expect((legacy.creds.k as Buffer).toString()).toBe("hi");
  });

  it("refuses a stored state without creds", () => {
    expect(() => deserializeAuthState('{"keys":{}}')).toThrow(/no creds/);
  });
});

describe("InMemoryAuthStateStore", () => {
  it("saves a copy, loads it back, and clears", async () => {
    const store = new InMemoryAuthStateStore();
    expect(await store.load()).toBeNull();
    const state = sampleState();
    await store.save(state);
    (state.creds as { registered: boolean }).registered = false; // later mutation is not stored
    expect((await store.load())?.creds.registered).toBe(true);
    await store.clear();
    expect(await store.load()).toBeNull();
    expect([store.saves, store.clears, store.isEmpty]).toEqual([1, 1, true]);
  });
});

describe("AES-256-GCM auth state encryption", () => {
  const key = randomBytes(32);

  it("round-trips, with a fresh IV each time", () => {
    const first = encryptAuthState(sampleState(), key, "shop-1");
    const second = encryptAuthState(sampleState(), key, "shop-1");
    expect(first).not.toBe(second);
    expect(first.startsWith("v1.")).toBe(true);
    expect(first).not.toContain("noise-public");
    expect(decryptAuthState(first, key, "shop-1").creds.registrationId).toBe(4242);
  });

  it("refuses a wrong key, another session's blob, and tampering", () => {
    const blob = encryptAuthState(sampleState(), key, "shop-1");
    expect(() => decryptAuthState(blob, randomBytes(32), "shop-1")).toThrow(AuthStateDecryptionError);
    expect(() => decryptAuthState(blob, key, "shop-2")).toThrow(AuthStateDecryptionError);
    const parts = blob.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => decryptAuthState(tampered, key, "shop-1")).toThrow(AuthStateDecryptionError);
    expect(() => decryptAuthState("plain json", key)).toThrow(AuthStateDecryptionError);
  });

  it("needs a 32-byte key", () => {
    expect(() => encryptAuthState(sampleState(), randomBytes(16))).toThrow(RangeError);
  });

  it("reads the key from the environment as hex or base64", () => {
    const hex = key.toString("hex");
    expect(authStateKeyFromEnv({ [AUTH_STATE_KEY_ENV]: hex }).equals(key)).toBe(true);
    expect(authStateKeyFromEnv({ [AUTH_STATE_KEY_ENV]: key.toString("base64") }).equals(key)).toBe(true);
    expect(() => authStateKeyFromEnv({})).toThrow(AUTH_STATE_KEY_ENV);
    expect(() => authStateKeyFromEnv({ [AUTH_STATE_KEY_ENV]: "c2hvcnQ=" })).toThrow(/32 bytes/);
  });

  it("encryptedAuthStateStore hands only ciphertext to the blob store", async () => {
    let row: string | null = null;
    const blobs: SecretBlobStore = {
      read: async () => row,
      write: async (blob) => {
        row = blob;
      },
      remove: async () => {
        row = null;
      },
    };
    const store = encryptedAuthStateStore(blobs, key, "shop-1");
    expect(await store.load()).toBeNull();
    await store.save(sampleState());
    expect(row).toMatch(/^v1\./);
    expect(row).not.toContain("Voltura");
    expect((await store.load())?.creds.me).toEqual({ id: "60390001234:7@s.whatsapp.net", name: "Voltura" });
    await expect(encryptedAuthStateStore(blobs, randomBytes(32), "shop-1").load()).rejects.toBeInstanceOf(AuthStateDecryptionError);
    await store.clear();
    expect(row).toBeNull();
  });
});
