import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { addKey, createKeyRingFile, KeyRingError, keyRingLoader, loadKeyRing, provideVaultSecrets, vaultSecret, openText, retireKey, sealText, sealedKeyId, SealedSecretError } from "./index.js";

let file: string;
beforeEach(() => {
  file = createKeyRingFile(path.join(mkdtempSync(path.join(tmpdir(), "keyring-")), "keys", "voltura-keys.json"));
});

describe("key ring file", () => {
  it("is created with mode 0600 and one current key per purpose", () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const ring = loadKeyRing({ file });
    expect(ring.current("secrets").id).toMatch(/^s-\d{8}-[0-9a-f]{6}$/);
    expect(ring.current("backup").id).toMatch(/^b-\d{8}-[0-9a-f]{6}$/);
    expect(ring.current("backup").key).toHaveLength(32);
    expect(ring.ids("secrets")).toEqual([ring.current("secrets").id]);
  });

  it("reads the file named by VOLTURA_KEYS_FILE and names the variable when it is missing", () => {
    expect(loadKeyRing({ env: { VOLTURA_KEYS_FILE: file } }).ids("backup")).toHaveLength(1);
    expect(() => loadKeyRing({ env: {} })).toThrow(/VOLTURA_KEYS_FILE is not set/);
    expect(() => loadKeyRing({ file: `${file}.absent` })).toThrow(/VOLTURA_KEYS_FILE: cannot read .*ENOENT/);
  });

  it("refuses a file that is not voltura-keys/1, naming the field", () => {
    const content = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...content, secrets: { ...content.secrets, current: "s-missing" } }));
    expect(() => loadKeyRing({ file })).toThrow(KeyRingError);
    expect(() => loadKeyRing({ file })).toThrow(/secrets\.current/);
    writeFileSync(file, JSON.stringify({ ...content, format: "voltura-keys/2" }));
    expect(() => loadKeyRing({ file })).toThrow(/format/);
    writeFileSync(file, JSON.stringify({ ...content, backup: { current: "b-1", keys: { "b-1": Buffer.alloc(16).toString("base64") } } }));
    expect(() => loadKeyRing({ file })).toThrow(/32 bytes/);
  });
});

describe("sealText / openText", () => {
  it("round-trips and tags the value with the current secrets key id", () => {
    const ring = loadKeyRing({ file });
    const sealed = sealText(ring, "smtp://user:pässword@mail.example:587", "smtp_url");
    expect(sealed.startsWith(`vk1.${ring.current("secrets").id}.`)).toBe(true);
    expect(sealed).not.toContain("password");
    expect(sealedKeyId(sealed)).toBe(ring.current("secrets").id);
    expect(openText(ring, sealed, "smtp_url")).toBe("smtp://user:pässword@mail.example:587");
    expect(sealText(ring, "same", "a")).not.toBe(sealText(ring, "same", "a"));
    expect(openText(ring, sealText(ring, ""), "")).toBe("");
  });

  it("refuses tampered ciphertext, tag, another aad, or a foreign key id", () => {
    const ring = loadKeyRing({ file });
    const sealed = sealText(ring, "sk-live-123", "openai_api_key");
    const parts = sealed.split(".");
    const flip = (text: string) => {
      const bytes = Buffer.from(text, "base64url");
      bytes[0] = bytes[0]! ^ 1;
      return bytes.toString("base64url");
    };
    expect(() => openText(ring, [...parts.slice(0, 4), flip(parts[4]!)].join("."), "openai_api_key")).toThrow(SealedSecretError);
    expect(() => openText(ring, [...parts.slice(0, 3), flip(parts[3]!), parts[4]].join("."), "openai_api_key")).toThrow(/did not open/);
    expect(() => openText(ring, sealed, "smtp_url")).toThrow(/did not open/);
    expect(() => openText(ring, sealed.replace(/^vk1\.[^.]+/, "vk1.s-19990101-000000"), "openai_api_key")).toThrow(/s-19990101-000000, which is not in the key ring/);
    expect(() => openText(ring, "plaintext", "")).toThrow(/not a sealed value/);
    expect(sealedKeyId("v1.abc.def.ghi")).toBeNull();
  });
});

describe("rotation", () => {
  it("addKey makes a new current key and keeps the old one readable", () => {
    const before = loadKeyRing({ file });
    const sealedBefore = sealText(before, "old secret", "n");
    const { id, previous } = addKey(file, "secrets");
    expect(previous).toBe(before.current("secrets").id);
    expect(id).not.toBe(previous);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const after = loadKeyRing({ file });
    expect(after.current("secrets").id).toBe(id);
    expect(after.ids("secrets").sort()).toEqual([id, previous].sort());
    expect(after.current("backup").id).toBe(before.current("backup").id);
    expect(openText(after, sealedBefore, "n")).toBe("old secret");
    expect(sealedKeyId(sealText(after, "new secret", "n"))).toBe(id);
  });

  it("retireKey refuses the current key and removes an old one", () => {
    const { id, previous } = addKey(file, "backup");
    expect(() => retireKey(file, "backup", id)).toThrow(/current backup key/);
    retireKey(file, "backup", previous);
    expect(loadKeyRing({ file }).ids("backup")).toEqual([id]);
    expect(loadKeyRing({ file }).get("backup", previous)).toBeUndefined();
    retireKey(file, "backup", previous);
    expect(loadKeyRing({ file }).ids("backup")).toEqual([id]);
  });

  it("a value sealed with a retired key no longer opens", () => {
    const sealed = sealText(loadKeyRing({ file }), "x", "");
    const { previous } = addKey(file, "secrets");
    retireKey(file, "secrets", previous);
    expect(() => openText(loadKeyRing({ file }), sealed, "")).toThrow(/not in the key ring/);
  });
});

describe("keyRingLoader", () => {
  it("reuses the parsed ring until the file changes, then sees the new key", () => {
    const ring = keyRingLoader({ file });
    const first = ring();
    expect(ring()).toBe(first);
    const { id } = addKey(file, "secrets");
    expect(ring().current("secrets").id).toBe(id);
    expect(() => keyRingLoader({ env: {} })()).toThrow(/VOLTURA_KEYS_FILE is not set/);
  });
});

describe("vaultSecret", () => {
  it("answers undefined without a source, the source's value with one, and hides a failing source", async () => {
    provideVaultSecrets(null);
    expect(await vaultSecret("smtp_url")).toBeUndefined();
    provideVaultSecrets(async (name) => (name === "smtp_url" ? "smtp://vault" : null));
    expect(await vaultSecret("smtp_url")).toBe("smtp://vault");
    expect(await vaultSecret("openai_api_key")).toBeUndefined();
    const errors: unknown[] = [];
    provideVaultSecrets(async () => {
      throw new Error("database down");
    });
    expect(await vaultSecret("smtp_url", (e) => errors.push(e))).toBeUndefined();
    expect(errors).toHaveLength(1);
    provideVaultSecrets(null);
  });
});
