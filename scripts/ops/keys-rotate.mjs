// npm run keys:rotate [-- --json] [--database-url=<url>] [--keys-file=<file>] [--retire-backup-key=<id>]
// Rotates the key ring (VOLTURA_KEYS_FILE) without commerce or Temporal:
//   1. a new "backup" key and a new "secrets" key become current (old keys stay for reading);
//   2. every vault_secret row and every WhatsApp auth-state row not sealed with the current secrets key is
//      opened and sealed again, one UPDATE … WHERE sealed = <old> per row (a row changed meanwhile is left
//      to its writer, which already used the new key);
//   3. old secrets keys no row uses any more are retired. Backup keys stay while backups made with them
//      exist (listed); --retire-backup-key <id> removes one that no backup uses.
// A run that stopped half-way (the ring still holds an old secrets key) is finished by running it again:
// no new key is added then. Exit 0 done, 1 rows left under an old key, 2 could not run.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { addKey, loadKeyRing, openText, retireKey, sealText, sealedKeyId } from "@voltura/keyring";
import { authStateKeyFromEnv, resealAuthState } from "@voltura/whatsapp-transport";
import { devEnv } from "../lib/env.mjs";

const UNDEFINED_TABLE = "42P01";

async function rowsOrNone(client, sql, bindings = []) {
  try {
    return (await client.query(sql, bindings)).rows;
  } catch (error) {
    if (error.code === UNDEFINED_TABLE) return [];
    throw error;
  }
}

/** Re-seals the vault's rows under the current secrets key; the secret's name is the associated data. */
async function resealVault(client, ring, log) {
  const current = ring.current("secrets").id;
  const rows = await rowsOrNone(client, `SELECT name, sealed FROM vault_secret WHERE key_id <> $1 OR sealed NOT LIKE $2 ORDER BY name`, [current, `vk1.${current}.%`]);
  const result = { resealed: 0, changed_meanwhile: 0, failed: [] };
  for (const row of rows) {
    let sealed;
    try {
      sealed = sealText(ring, openText(ring, row.sealed, row.name), row.name);
    } catch (error) {
      result.failed.push({ name: row.name, error: error.message });
      log(`vault secret ${row.name}: cannot open (${error.message}); left under ${sealedKeyId(row.sealed) ?? "an unknown format"}`);
      continue;
    }
    const { rowCount } = await client.query(`UPDATE vault_secret SET sealed = $1, key_id = $2 WHERE name = $3 AND sealed = $4`, [sealed, current, row.name, row.sealed]);
    if (rowCount === 1) result.resealed++;
    else result.changed_meanwhile++;
  }
  return result;
}

/** Re-seals stored WhatsApp credentials (v1 with WHATSAPP_AUTH_STATE_KEY, or an older key id); the session id is the associated data. */
async function resealWhatsApp(client, ring, legacyKey, log) {
  const current = ring.current("secrets").id;
  const rows = await rowsOrNone(client, `SELECT session_id, ciphertext FROM whatsapp_auth_state WHERE ciphertext NOT LIKE $1 ORDER BY session_id`, [`vk1.${current}.%`]);
  const keys = { ring: () => ring, legacyKey };
  const result = { resealed: 0, changed_meanwhile: 0, failed: [] };
  for (const row of rows) {
    let sealed;
    try {
      sealed = resealAuthState(row.ciphertext, keys, row.session_id);
    } catch (error) {
      result.failed.push({ session_id: row.session_id, error: error.message });
      log(`WhatsApp session ${row.session_id}: cannot open its credentials (${error.message}); left as they are`);
      continue;
    }
    const { rowCount } = await client.query(
      `UPDATE whatsapp_auth_state SET ciphertext = $1, updated_at = now() WHERE session_id = $2 AND ciphertext = $3`,
      [sealed, row.session_id, row.ciphertext],
    );
    if (rowCount === 1) result.resealed++;
    else result.changed_meanwhile++;
  }
  return result;
}

/** Re-seals Cloud API numbers' secrets (whatsapp_session.cloud_secrets, vk1, the session id as associated data). */
async function resealCloudSecrets(client, ring, log) {
  const current = ring.current("secrets").id;
  const rows = await rowsOrNone(client, `SELECT id, cloud_secrets FROM whatsapp_session WHERE cloud_secrets IS NOT NULL AND cloud_secrets NOT LIKE $1 ORDER BY id`, [`vk1.${current}.%`]);
  const result = { resealed: 0, changed_meanwhile: 0, failed: [] };
  for (const row of rows) {
    let sealed;
    try {
      sealed = sealText(ring, openText(ring, row.cloud_secrets, row.id), row.id);
    } catch (error) {
      result.failed.push({ session_id: row.id, error: error.message });
      log(`WhatsApp Cloud API session ${row.id}: cannot open its secrets (${error.message}); left as they are`);
      continue;
    }
    const { rowCount } = await client.query(`UPDATE whatsapp_session SET cloud_secrets = $1, updated_at = now() WHERE id = $2 AND cloud_secrets = $3`, [sealed, row.id, row.cloud_secrets]);
    if (rowCount === 1) result.resealed++;
    else result.changed_meanwhile++;
  }
  return result;
}

/** How many rows still use each old secrets key. */
async function secretsKeyUse(client, ids) {
  const use = {};
  for (const id of ids) {
    const [vault] = await rowsOrNone(client, `SELECT count(*)::int AS n FROM vault_secret WHERE key_id = $1 OR sealed LIKE $2`, [id, `vk1.${id}.%`]);
    const [whatsapp] = await rowsOrNone(client, `SELECT count(*)::int AS n FROM whatsapp_auth_state WHERE ciphertext LIKE $1`, [`vk1.${id}.%`]);
    const [cloud] = await rowsOrNone(client, `SELECT count(*)::int AS n FROM whatsapp_session WHERE cloud_secrets LIKE $1`, [`vk1.${id}.%`]);
    use[id] = (vault?.n ?? 0) + (whatsapp?.n ?? 0) + (cloud?.n ?? 0);
  }
  return use;
}

/** Backups per backup key: the catalog's (not deleted) and the local sidecars'. */
export async function backupsByKey(client, backupDir) {
  const byKey = new Map();
  const add = (keyId, backupId) => {
    if (!keyId) return;
    if (!byKey.has(keyId)) byKey.set(keyId, new Set());
    byKey.get(keyId).add(backupId);
  };
  for (const row of await rowsOrNone(client, `SELECT id, key_id FROM operations_backup WHERE deleted_at IS NULL AND status <> 'deleted'`)) add(row.key_id, row.id);
  const names = backupDir ? await readdir(backupDir).catch(() => []) : [];
  for (const name of names.filter((n) => n.endsWith(".manifest.json"))) {
    try {
      const manifest = JSON.parse(await readFile(path.join(backupDir, name), "utf8"));
      add(manifest.keyId, manifest.backupId ?? name.replace(/\.manifest\.json$/, ""));
    } catch {
      // an unreadable sidecar names no key
    }
  }
  return new Map([...byKey].map(([k, v]) => [k, [...v].sort()]));
}

/** Each backup key with the backups it opens (logged for the old ones). */
async function listBackupKeys(client, keysFile, backupDir, log) {
  const backups = await backupsByKey(client, backupDir);
  const ring = loadKeyRing({ file: keysFile });
  const keys = ring.ids("backup").map((id) => ({ id, current: id === ring.current("backup").id, backups: backups.get(id) ?? [] }));
  for (const key of keys.filter((k) => !k.current)) {
    log(key.backups.length
      ? `backup key ${key.id} kept: it opens ${key.backups.length} backup(s) (${key.backups.slice(0, 5).join(", ")}${key.backups.length > 5 ? ", …" : ""})`
      : `backup key ${key.id} kept: no backup uses it any more (remove it with --retire-backup-key=${key.id})`);
  }
  return keys;
}

/** --retire-backup-key: removes one old backup key that no catalogued or local backup uses; nothing else. */
async function retireBackupKeyOnly(client, keysFile, backupDir, id, log) {
  const ring = loadKeyRing({ file: keysFile });
  if (id === ring.current("backup").id) throw new Error(`${id} is the current backup key and cannot be retired`);
  const users = (await backupsByKey(client, backupDir)).get(id) ?? [];
  if (users.length) throw new Error(`backup key ${id} still opens ${users.length} backup(s): ${users.join(", ")}`);
  retireKey(keysFile, "backup", id);
  log(`retired backup key ${id}`);
  const backupKeys = await listBackupKeys(client, keysFile, backupDir, log);
  const vault = { resealed: 0, changed_meanwhile: 0, failed: [] };
  return {
    ok: true, finished_unfinished: false, added: {}, current: { secrets: ring.current("secrets").id, backup: ring.current("backup").id },
    vault, whatsapp: vault, retired_secrets_keys: [], kept_secrets_keys: [], retired_backup_key: id, backup_keys: backupKeys,
  };
}

/** The whole rotation (see the header). Returns the report the CLI prints. */
export async function rotateKeys({ databaseUrl, keysFile, legacyAuthStateKey = null, backupDir = null, retireBackupKey = null, log = () => {} }) {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "voltura-keys-rotate" });
  await client.connect();
  try {
    if (retireBackupKey) return await retireBackupKeyOnly(client, keysFile, backupDir, retireBackupKey, log);
    const before = loadKeyRing({ file: keysFile });
    const unfinished = before.ids("secrets").length > 1;
    const added = {};
    if (unfinished) {
      log(`finishing the unfinished rotation to ${before.current("secrets").id} (no new key)`);
    } else {
      // Backup first: a stop between the two leaves only an unused backup key, and the next run rotates both.
      added.backup = addKey(keysFile, "backup");
      added.secrets = addKey(keysFile, "secrets");
      log(`new keys: secrets ${added.secrets.id} (was ${added.secrets.previous}), backup ${added.backup.id} (was ${added.backup.previous})`);
    }
    const ring = loadKeyRing({ file: keysFile });
    const vault = await resealVault(client, ring, log);
    const whatsapp = await resealWhatsApp(client, ring, legacyAuthStateKey, log);
    const cloud = await resealCloudSecrets(client, ring, log);
    log(`re-sealed ${vault.resealed} vault secret(s), ${whatsapp.resealed} WhatsApp credential row(s) and ${cloud.resealed} Cloud API secret row(s) under ${ring.current("secrets").id}`);

    const oldSecrets = ring.ids("secrets").filter((id) => id !== ring.current("secrets").id);
    const use = await secretsKeyUse(client, oldSecrets);
    const retired = [];
    const kept = [];
    for (const id of oldSecrets) {
      if (use[id] === 0) {
        retireKey(keysFile, "secrets", id);
        retired.push(id);
        log(`retired secrets key ${id}`);
      } else {
        kept.push({ id, rows: use[id] });
        log(`kept secrets key ${id}: ${use[id]} row(s) still sealed with it; run keys:rotate again`);
      }
    }

    const backupKeys = await listBackupKeys(client, keysFile, backupDir, log);
    return {
      ok: kept.length === 0 && vault.failed.length === 0 && whatsapp.failed.length === 0 && cloud.failed.length === 0,
      finished_unfinished: unfinished,
      added,
      current: { secrets: ring.current("secrets").id, backup: ring.current("backup").id },
      vault,
      whatsapp,
      cloud,
      retired_secrets_keys: retired,
      kept_secrets_keys: kept,
      backup_keys: backupKeys,
    };
  } finally {
    await client.end();
  }
}

/**
 * Options from the command line, or from npm's config variables: `npm run keys:rotate -- --json
 * --database-url=<url>` reaches this script through `npm run` twice, and npm keeps `--name=value` flags
 * for itself (npm_config_<name>).
 */
function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      "database-url": { type: "string" },
      "keys-file": { type: "string" },
      "retire-backup-key": { type: "string" },
    },
  });
  if (positionals.length) {
    console.error(`keys:rotate: unexpected ${positionals.join(" ")}; write options as --name=value (e.g. --database-url=postgres://…)`);
    process.exit(2);
  }
  const fromNpm = (name) => {
    const v = process.env[`npm_config_${name.replaceAll("-", "_")}`];
    return v && v !== "true" ? v : undefined;
  };
  return {
    json: values.json || process.env.npm_config_json === "true",
    databaseUrl: values["database-url"] ?? fromNpm("database-url"),
    keysFile: values["keys-file"] ?? fromNpm("keys-file"),
    retireBackupKey: values["retire-backup-key"] ?? fromNpm("retire-backup-key"),
  };
}

async function main() {
  const values = options();
  const env = devEnv();
  const databaseUrl = values.databaseUrl ?? process.env.BACKUP_DATABASE_URL ?? process.env.DATABASE_URL ?? env.BACKUP_DATABASE_URL;
  const keysFile = values.keysFile ?? process.env.VOLTURA_KEYS_FILE ?? env.VOLTURA_KEYS_FILE;
  let legacyAuthStateKey = null;
  try {
    const given = process.env.WHATSAPP_AUTH_STATE_KEY ?? env.WHATSAPP_AUTH_STATE_KEY;
    if (given) legacyAuthStateKey = authStateKeyFromEnv({ WHATSAPP_AUTH_STATE_KEY: given });
  } catch (error) {
    console.error(`keys:rotate: ${error.message}; WhatsApp credentials still sealed with it (v1) cannot be re-sealed`);
  }
  let report;
  try {
    report = await rotateKeys({
      databaseUrl,
      keysFile,
      legacyAuthStateKey,
      backupDir: process.env.BACKUP_DIR ?? env.BACKUP_DIR,
      retireBackupKey: values.retireBackupKey ?? null,
      log: values.json ? () => {} : (line) => console.log(line),
    });
  } catch (error) {
    console.error(`keys:rotate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (values.json) console.log(JSON.stringify(report));
  else if (report.retired_backup_key) console.log(`done: backup key ${report.retired_backup_key} removed from the key ring`);
  else if (report.ok) console.log(`rotation complete: secrets ${report.current.secrets}, backup ${report.current.backup}`);
  else {
    const unopened = report.vault.failed.length + report.whatsapp.failed.length + (report.cloud?.failed.length ?? 0);
    console.log(
      `rotation NOT complete: ${report.kept_secrets_keys.length} old secrets key(s) kept, ${unopened} row(s) could not be opened (listed above). ` +
        "Rows left by a concurrent writer are finished by running keys:rotate again; a row that cannot be opened needs its key back, or the secret set again (WhatsApp: pair again).",
    );
  }
  process.exit(report.ok ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
