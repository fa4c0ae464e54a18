// The environment each process gets, for the two profiles: `dev` (npm start) and `test` (npm test).
// Given variables win; the rest are local defaults on loopback.
import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { localDatabaseUrl } from "./services.mjs";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const stateDir = path.join(repoRoot, ".data");

/** Secrets made once per checkout and kept in .data/secrets.json (git-ignored). */
function localSecrets() {
  const file = path.join(stateDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(stateDir, { recursive: true });
  const secrets = { JWT_SECRET: randomBytes(32).toString("hex"), COOKIE_SECRET: randomBytes(32).toString("hex") };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * The key ring (voltura-keys/1): the keys that seal secrets at rest and encrypt backups, kept apart from
 * the data and from every backup. Made once per checkout and profile (git-ignored); `npm run keys:rotate`
 * adds keys to it.
 */
function ensureKeysFile(file) {
  if (existsSync(file)) return file;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const day = new Date().toISOString().slice(0, 10).replaceAll("-", "");
  const entry = (prefix) => {
    const id = `${prefix}-${day}-${randomBytes(3).toString("hex")}`;
    return { current: id, keys: { [id]: randomBytes(32).toString("base64") } };
  };
  const ring = { format: "voltura-keys/1", secrets: entry("s"), backup: entry("b") };
  writeFileSync(file, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  return file;
}

const ANY_INTERFACE = new Set(["0.0.0.0", "::"]);
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

/** An address a local client can use for a server bound to `host` (0.0.0.0 and :: include loopback). */
export function reachableHost(host) {
  if (ANY_INTERFACE.has(host)) return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

function profile(name, ports) {
  const given = process.env;
  const secrets = localSecrets();
  // Loopback unless asked otherwise: commerce's API and the console are not on the network by default.
  const commerceHost = given.COMMERCE_HOST?.trim() || "127.0.0.1";
  const consoleHost = given.CONSOLE_HOST?.trim() || "127.0.0.1";
  const consoleAddress = LOOPBACK.has(consoleHost) || ANY_INTERFACE.has(consoleHost) ? "localhost" : reachableHost(consoleHost);
  const consoleUrl = given.CONSOLE_URL ?? `http://${consoleAddress}:${ports.console}`;
  return {
    profile: name,
    NODE_ENV: name === "test" ? "production" : (given.NODE_ENV ?? "production"),
    DATABASE_URL: given.DATABASE_URL ?? localDatabaseUrl(ports.db),
    DATABASE_GIVEN: given.DATABASE_URL ? "1" : "",
    REDIS_URL: given.REDIS_URL ?? "",
    TEMPORAL_ADDRESS: given.TEMPORAL_ADDRESS ?? `127.0.0.1:${ports.temporal}`,
    TEMPORAL_GIVEN: given.TEMPORAL_ADDRESS ? "1" : "",
    TEMPORAL_NAMESPACE: given.TEMPORAL_NAMESPACE ?? "voltura",
    TEMPORAL_UI_URL: given.TEMPORAL_UI_URL ?? `http://127.0.0.1:${ports.temporalUi}`,
    TEMPORAL_UI_PORT: String(ports.temporalUi),
    TEMPORAL_DB_FILE: name === "test" ? "" : path.join(stateDir, "temporal.db"),
    JWT_SECRET: given.JWT_SECRET ?? secrets.JWT_SECRET,
    COOKIE_SECRET: given.COOKIE_SECRET ?? secrets.COOKIE_SECRET,
    // Local only: derived from this checkout's secrets, so paired WhatsApp sessions survive restarts.
    WHATSAPP_AUTH_STATE_KEY:
      given.WHATSAPP_AUTH_STATE_KEY ??
      Buffer.from(hkdfSync("sha256", secrets.JWT_SECRET, "voltura", "whatsapp-auth-state", 32)).toString("hex"),
    MEDUSA_PORT: String(ports.commerce),
    COMMERCE_HEAP_MB: given.COMMERCE_HEAP_MB ?? "768",
    COMMERCE_HOST: commerceHost,
    MEDUSA_URL: given.MEDUSA_URL ?? `http://${reachableHost(commerceHost)}:${ports.commerce}`,
    CONSOLE_PORT: String(ports.console),
    CONSOLE_HOST: consoleHost,
    CONSOLE_URL: consoleUrl,
    ORIGIN: consoleUrl,
    WORKER_HEALTH_PORT: String(ports.workerHealth),
    SHOP_TIME_ZONE: given.SHOP_TIME_ZONE ?? "Asia/Kuala_Lumpur",
    // Unsent mail (no SMTP) lives outside anything commerce serves (its /static is public).
    MAIL_OUTBOX_DIR: given.MAIL_OUTBOX_DIR ?? path.join(stateDir, name === "test" ? "outbox-test" : "outbox"),
    // Operations: the key ring, where backups are written, the uploads they hold, the owner's connection.
    VOLTURA_KEYS_FILE: given.VOLTURA_KEYS_FILE ?? ensureKeysFile(path.join(stateDir, "keys", name === "test" ? "voltura-keys-test.json" : "voltura-keys.json")),
    BACKUP_DIR: given.BACKUP_DIR ?? path.join(stateDir, name === "test" ? "backups-test" : "backups"),
    UPLOADS_DIR: given.UPLOADS_DIR ?? path.join(repoRoot, "commerce", "static"),
    BACKUP_DATABASE_URL: given.BACKUP_DATABASE_URL ?? given.DATABASE_URL ?? localDatabaseUrl(ports.db),
    // Tests point Cloud API sessions at the local fake Graph API (served by the spec that needs it); else Meta's.
    WHATSAPP_GRAPH_URL: given.WHATSAPP_GRAPH_URL ?? (ports.graph ? `http://127.0.0.1:${ports.graph}` : ""),
    MEDUSA_DISABLE_TELEMETRY: "true",
    DISABLE_MEDUSA_ADMIN: "true",
  };
}

export const devEnv = () =>
  profile("dev", { db: "voltura", temporal: 7233, temporalUi: 8233, commerce: 9000, console: 5173, workerHealth: 9400 });

export const testEnv = () =>
  profile("test", { db: "voltura_test", temporal: 7243, temporalUi: 8243, commerce: 9100, console: 4173, workerHealth: 9410, graph: 9700 });
