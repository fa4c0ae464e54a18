import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { addKey, createKeyRingFile, keyRingLoader, loadKeyRing } from "@voltura/keyring";
import { resolveMailerConfig } from "@voltura/mailer";
import { vaultSecretListSchema } from "@voltura/contracts";
import { authStateKeyFromEnv, encryptAuthState, openAuthState } from "@voltura/whatsapp-transport";
import { authHeaders, settle, newStaffHeaders } from "./helpers";

// A key ring of this suite's own: the rotation below must not touch the ring other suites use.
const KEYS_FILE = createKeyRingFile(path.join(mkdtempSync(path.join(tmpdir(), "vault-it-")), "voltura-keys.json"));
process.env.VOLTURA_KEYS_FILE = KEYS_FILE;
const DB_NAME = "voltura_it_vault";
const REPO_ROOT = path.resolve(__dirname, "../../..");
const run = promisify(execFile);

function databaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? "postgres://voltura:voltura@127.0.0.1:55432/voltura_test");
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

/** Runs `npm run keys:rotate`'s code as the CLI does, against this suite's database and ring. */
async function rotate(): Promise<{ ok: boolean; finished_unfinished: boolean; added: { secrets?: { id: string; previous: string } }; retired_secrets_keys: string[]; vault: { resealed: number }; whatsapp: { resealed: number } }> {
  const { stdout } = await run(process.execPath, ["scripts/ops/keys-rotate.mjs", "--json", "--database-url", databaseUrl(), "--keys-file", KEYS_FILE], {
    cwd: REPO_ROOT,
    env: { ...process.env, BACKUP_DIR: mkdtempSync(path.join(tmpdir(), "vault-it-backups-")) },
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!);
}

const SMTP_VALUE = "smtp://shop%40voltura.test:plain-marker-value@127.0.0.1:2525";

medusaIntegrationTestRunner({
  dbName: DB_NAME,
  testSuite: ({ api, getContainer, dbConnection }) => {
    async function roles() {
      const c = getContainer();
      return {
        owner: await newStaffHeaders(c, "owner"),
        manager: await newStaffHeaders(c, "manager"),
        cashier: await newStaffHeaders(c, "cashier"),
        system: await authHeaders("system:worker", "system"),
      };
    }
    const storedRows = async () =>
      (await dbConnection.raw(`SELECT name, sealed, key_id, updated_by FROM vault_secret ORDER BY name`)).rows as Array<{ name: string; sealed: string; key_id: string; updated_by: string }>;

    it("owners set a secret: sealed at rest under the current key id, never shown, readable by the worker only", async () => {
      const as = await roles();
      const current = loadKeyRing({ file: KEYS_FILE }).current("secrets").id;
      const put = await api.put("/admin/vault/secrets/smtp_url", { value: `  ${SMTP_VALUE}\n` }, as.owner);
      expect(put.status).toBe(200);
      expect(put.data.secret).toMatchObject({ name: "smtp_url", set: true, key_id: current, stale_key: false, updated_by: "Test owner" });
      expect(JSON.stringify(put.data)).not.toContain("plain-marker");

      const [row] = await storedRows();
      expect(row).toMatchObject({ name: "smtp_url", key_id: current });
      expect(row!.sealed.startsWith(`vk1.${current}.`)).toBe(true);
      const plain = (await dbConnection.raw(`SELECT count(*)::int AS n FROM vault_secret WHERE sealed LIKE '%plain-marker%' OR sealed LIKE '%voltura.test%'`)).rows[0].n;
      expect(plain).toBe(0);

      const list = vaultSecretListSchema.parse((await api.get("/admin/vault/secrets", as.owner)).data);
      expect(list.current_key_id).toBe(current);
      expect(list.secrets.map((s) => [s.name, s.set])).toEqual([
        ["smtp_url", true], ["openai_api_key", false], ["clerk_secret_key", false], ["backup_s3_access_key_id", false], ["backup_s3_secret_access_key", false],
      ]);
      expect(JSON.stringify(list)).not.toContain("plain-marker");

      const value = await api.get("/admin/vault/secrets/smtp_url/value", as.system);
      expect(value.data).toEqual({ name: "smtp_url", value: SMTP_VALUE, key_id: current });

      // The mailer in this process takes it at send time (and its sender from the URL's user).
      expect(await resolveMailerConfig({ MAIL_OUTBOX_DIR: mkdtempSync(path.join(tmpdir(), "vault-outbox-")) })).toMatchObject({ smtpUrl: SMTP_VALUE, from: "shop@voltura.test" });
      expect((await api.get("/admin/invoicing/mail-outbox", as.owner)).data.smtp_configured).toBe(true);

      const audit = (await dbConnection.raw(`SELECT action, entity_id, changes, metadata FROM audit_entry WHERE entity = 'vault_secret' ORDER BY seq`)).rows;
      expect(audit.map((a: { action: string }) => a.action)).toEqual(["vault.secret_set", "vault.secret_read"]);
      expect(audit[0]).toMatchObject({ entity_id: "smtp_url", metadata: { key_id: current, replaced: false } });
      expect(JSON.stringify(audit)).not.toContain("plain-marker");
      const generic = (await dbConnection.raw(`SELECT count(*)::int AS n FROM audit_entry WHERE metadata::text LIKE '%plain-marker%'`)).rows[0].n;
      expect(generic).toBe(0);
    });

    it("only owners manage secrets and only the worker reads values; bad names and values are 400s naming the field", async () => {
      const as = await roles();
      for (const who of [as.manager, as.cashier, as.system]) {
        expect((await settle(api.get("/admin/vault/secrets", who))).status).toBe(403);
        expect((await settle(api.put("/admin/vault/secrets/openai_api_key", { value: "sk-x" }, who))).status).toBe(403);
        expect((await settle(api.delete("/admin/vault/secrets/openai_api_key", who))).status).toBe(403);
      }
      expect((await settle(api.get("/admin/vault/secrets/smtp_url/value", as.owner))).status).toBe(403);
      expect((await settle(api.get("/admin/vault/secrets/smtp_url/value", as.manager))).status).toBe(403);

      const badName = await settle(api.put("/admin/vault/secrets/database_url", { value: "x" }, as.owner));
      expect(badName.status).toBe(400);
      expect(badName.data.message).toContain("name");
      const badSmtp = await settle(api.put("/admin/vault/secrets/smtp_url", { value: "https://mail.example" }, as.owner));
      expect(badSmtp.status).toBe(400);
      expect(badSmtp.data.message).toContain("value");
      const empty = await settle(api.put("/admin/vault/secrets/openai_api_key", { value: "   " }, as.owner));
      expect(empty.status).toBe(400);
      expect(empty.data.message).toContain("value");
    });

    it("clearing a secret removes the row; the worker then reads null", async () => {
      const as = await roles();
      await api.put("/admin/vault/secrets/openai_api_key", { value: "sk-clear-me" }, as.owner);
      const cleared = await api.delete("/admin/vault/secrets/openai_api_key", as.owner);
      expect(cleared.data.secret).toMatchObject({ name: "openai_api_key", set: false, key_id: null });
      expect((await storedRows()).map((r) => r.name)).not.toContain("openai_api_key");
      expect((await api.get("/admin/vault/secrets/openai_api_key/value", as.system)).data).toEqual({ name: "openai_api_key", value: null, key_id: null });
      expect((await api.delete("/admin/vault/secrets/openai_api_key", as.owner)).status).toBe(200);
    });

    it("keys:rotate re-seals every secret and WhatsApp credential under a new key, retires the old one, and values still read", async () => {
      const as = await roles();
      // Each test starts on an emptied database.
      await api.put("/admin/vault/secrets/smtp_url", { value: SMTP_VALUE }, as.owner);
      await api.put("/admin/vault/secrets/backup_s3_secret_access_key", { value: "s3-secret-before-rotation" }, as.owner);
      const legacyKey = authStateKeyFromEnv();
      const v1Blob = encryptAuthState({ creds: { registered: true, me: { id: "60390009999:1@s.whatsapp.net" } }, keys: {} }, legacyKey, "wa_sess_rotate");
      await dbConnection.raw(`INSERT INTO whatsapp_auth_state (id, session_id, ciphertext) VALUES ('wa_auth_rotate', 'wa_sess_rotate', ?)`, [v1Blob]);
      const oldKey = loadKeyRing({ file: KEYS_FILE }).current("secrets").id;

      const report = await rotate();
      expect(report.ok).toBe(true);
      expect(report.finished_unfinished).toBe(false);
      const newKey = report.added.secrets!.id;
      expect(report.added.secrets!.previous).toBe(oldKey);
      expect(report.vault.resealed).toBe(2);
      expect(report.whatsapp.resealed).toBe(1);
      expect(report.retired_secrets_keys).toEqual([oldKey]);
      expect(loadKeyRing({ file: KEYS_FILE }).ids("secrets")).toEqual([newKey]);
      expect(loadKeyRing({ file: KEYS_FILE }).ids("backup")).toHaveLength(2);

      for (const row of await storedRows()) {
        expect(row.key_id).toBe(newKey);
        expect(row.sealed.startsWith(`vk1.${newKey}.`)).toBe(true);
      }
      const [wa] = (await dbConnection.raw(`SELECT ciphertext FROM whatsapp_auth_state WHERE session_id = 'wa_sess_rotate'`)).rows;
      expect(wa.ciphertext.startsWith(`vk1.${newKey}.`)).toBe(true);
      expect(openAuthState(wa.ciphertext, { ring: keyRingLoader({ file: KEYS_FILE }), legacyKey: null }, "wa_sess_rotate").creds.me).toEqual({ id: "60390009999:1@s.whatsapp.net" });

      // The running commerce sees the rotated ring without a restart.
      expect((await api.get("/admin/vault/secrets/backup_s3_secret_access_key/value", as.system)).data).toEqual({
        name: "backup_s3_secret_access_key", value: "s3-secret-before-rotation", key_id: newKey,
      });
      expect((await api.get("/admin/vault/secrets/smtp_url/value", as.system)).data.value).toBe(SMTP_VALUE);
      const list = vaultSecretListSchema.parse((await api.get("/admin/vault/secrets", as.owner)).data);
      expect(list.current_key_id).toBe(newKey);
      expect(list.secrets.filter((s) => s.set).every((s) => s.key_id === newKey && !s.stale_key)).toBe(true);
    });

    it("a rotation stopped after its new key is finished by running it again, without another key", async () => {
      const as = await roles();
      await api.put("/admin/vault/secrets/backup_s3_secret_access_key", { value: "s3-secret-before-rotation" }, as.owner);
      // As if keys:rotate stopped right after adding the key: rows still under the previous one.
      const { id: newKey, previous } = addKey(KEYS_FILE, "secrets");
      const stale = vaultSecretListSchema.parse((await api.get("/admin/vault/secrets", as.owner)).data);
      expect(stale.secrets.filter((s) => s.set).every((s) => s.stale_key && s.key_id === previous)).toBe(true);

      const report = await rotate();
      expect(report).toMatchObject({ ok: true, finished_unfinished: true, added: {}, retired_secrets_keys: [previous] });
      expect(loadKeyRing({ file: KEYS_FILE }).ids("secrets")).toEqual([newKey]);
      expect((await storedRows()).every((r) => r.key_id === newKey)).toBe(true);
      expect((await api.get("/admin/vault/secrets/backup_s3_secret_access_key/value", as.system)).data.value).toBe("s3-secret-before-rotation");
    });
  },
});
