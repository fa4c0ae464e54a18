// Backups, the external target (MinIO), point-in-time recovery (pgBackRest), the restore CLI and the
// key ring in docker-compose.yml and deploy/ (no Docker engine here: checked by construction).
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, read, composeText, compose, service, envOf, dependsOn, volumesOf, publishedPorts, healthTest, REQUIRED_VAR } from "./compose-fixture.js";

// The folder is mounted, not the file: a rotation replaces the file by rename, which a file mount would not show.
const KEYS_HOST = "./deploy/secrets";
const KEYS_DIR_IN_CONTAINER = "/run/voltura";
const KEYS_IN_CONTAINER = "/run/voltura/voltura-keys.json";
const OWNER_URL = /^postgres:\/\/voltura:\$\{POSTGRES_PASSWORD:\?[^}]+\}@postgres:5432\/voltura\?sslmode=disable$/;
const rawVolumes = (name: string) => (service(name).volumes ?? []).map(String);
const executable = (rel: string) => (statSync(path.join(repoRoot, rel)).mode & 0o111) !== 0;
const commandOf = (name: string) => [service(name).command ?? []].flat().join(" ");

describe("MinIO, the default external target", () => {
  it("runs a pinned MinIO on its own volume, with a healthcheck and its console on loopback only", () => {
    const minio = service("minio");
    expect(minio.image).toMatch(/^minio\/minio:RELEASE\.\d{4}-/);
    expect(volumesOf(minio)).toEqual([{ source: "minio-data", target: "/data" }]);
    expect(commandOf("minio")).toBe("server /data --console-address :9001");
    expect(healthTest(minio)).toBe("CMD mc ready local");
    expect(publishedPorts(minio)).toEqual([{ published: "9001", target: "9001" }]);
    for (const p of minio.ports ?? []) expect(String(p)).toMatch(/^127\.0\.0\.1:9001:9001$/);
    expect(envOf(minio).MINIO_ROOT_USER).toMatch(REQUIRED_VAR);
    expect(envOf(minio).MINIO_ROOT_PASSWORD).toMatch(REQUIRED_VAR);
  });

  it("creates the bucket and a bucket-only user once per start, after MinIO is healthy", () => {
    const bucket = service("minio-bucket");
    expect(bucket.image).toMatch(/^minio\/mc:RELEASE\./);
    expect(bucket.restart).toBe("no");
    expect(bucket.healthcheck?.disable).toBe(true);
    expect(bucket.profiles).toBeUndefined();
    expect(dependsOn(bucket)).toEqual({ minio: { condition: "service_healthy" } });
    expect(volumesOf(bucket)).toEqual([{ source: "./deploy/minio/make-bucket.sh", target: "/voltura/make-bucket.sh" }]);
    expect([bucket.entrypoint].flat().join(" ")).toBe("sh /voltura/make-bucket.sh");
    const script = read("deploy/minio/make-bucket.sh");
    expect(executable("deploy/minio/make-bucket.sh")).toBe(true);
    expect(script).toContain("set -eu");
    expect(script).toContain('mc mb --ignore-existing "local/$BACKUP_S3_BUCKET"');
    expect(script).toContain('mc admin user add local "$BACKUP_S3_ACCESS_KEY_ID" "$BACKUP_S3_SECRET_ACCESS_KEY"');
    expect(script).toMatch(/arn:aws:s3:::%s\/\*/);
    expect(script).not.toMatch(/readwrite/);
    // The worker's keys are the bucket user's, never MinIO's root account.
    for (const key of ["BACKUP_S3_BUCKET", "BACKUP_S3_ACCESS_KEY_ID", "BACKUP_S3_SECRET_ACCESS_KEY"]) {
      expect(envOf(bucket)[key], key).toBe(envOf(service("temporal-worker"))[key]);
    }
    expect(envOf(service("temporal-worker"))).not.toHaveProperty("MINIO_ROOT_PASSWORD");
  });
});

describe("the Temporal worker takes the backups", () => {
  const env = envOf(service("temporal-worker"));

  it("as the database owner, into the backups volume, with the uploads and the key ring", () => {
    expect(env.BACKUP_DATABASE_URL).toMatch(OWNER_URL);
    expect(env.BACKUP_DIR).toBe("/app/backups");
    expect(env.UPLOADS_DIR).toBe("/app/uploads");
    expect(env.VOLTURA_KEYS_FILE).toBe(KEYS_IN_CONTAINER);
    const mounts = volumesOf(service("temporal-worker"));
    expect(mounts).toContainEqual({ source: "backups", target: "/app/backups" });
    // The same volume commerce serves uploads from.
    expect(mounts).toContainEqual({ source: "uploads", target: "/app/uploads" });
    expect(volumesOf(service("commerce"))).toContainEqual({ source: "uploads", target: "/app/static" });
    expect(rawVolumes("temporal-worker")).toContain(`${KEYS_HOST}:${KEYS_DIR_IN_CONTAINER}:ro`);
  });

  it("copies the weekly backup to MinIO unless BACKUP_S3_* point elsewhere", () => {
    expect(env.BACKUP_S3_ENDPOINT).toBe("${BACKUP_S3_ENDPOINT:-http://minio:9000}");
    expect(env.BACKUP_S3_BUCKET).toBe("${BACKUP_S3_BUCKET:-voltura-backups}");
    expect(env.BACKUP_S3_REGION).toMatch(/^\$\{BACKUP_S3_REGION:-[a-z0-9-]+\}$/);
    expect(env.BACKUP_S3_PREFIX).toMatch(/^\$\{BACKUP_S3_PREFIX:-[a-z0-9-]+\/\}$/);
    expect(env.BACKUP_S3_ACCESS_KEY_ID).toMatch(REQUIRED_VAR);
    expect(env.BACKUP_S3_SECRET_ACCESS_KEY).toMatch(REQUIRED_VAR);
  });

  it("makes its mount points writable by the app user, and carries pg_dump and the CLI", () => {
    const dockerfile = read("temporal/Dockerfile");
    expect(dockerfile).toMatch(/mkdir -p \/app\/backups \/app\/uploads && chown node:node \/app\/backups \/app\/uploads/);
    expect(dockerfile).toMatch(/postgresql-client-/);
    expect(dockerfile).toMatch(/COPY scripts \.\/scripts/);
    expect(read("commerce/Dockerfile")).toMatch(/mkdir -p [^\n]*\/app\/backups[^\n]*chown node:node [^\n]*\/app\/backups/);
  });
});

describe("commerce and the key ring", () => {
  it("commerce reads the backups (downloads) but cannot write them, and reads the key ring", () => {
    for (const name of ["commerce", "commerce-worker"]) {
      expect(rawVolumes(name), name).toContain("backups:/app/backups:ro");
      expect(rawVolumes(name), name).toContain(`${KEYS_HOST}:${KEYS_DIR_IN_CONTAINER}:ro`);
      expect(envOf(service(name)).BACKUP_DIR).toBe("/app/backups");
      expect(envOf(service(name)).VOLTURA_KEYS_FILE).toBe(KEYS_IN_CONTAINER);
    }
  });

  it("keeps the key ring out of every volume, out of git, and made by deploy/make-keys.sh", () => {
    expect(Object.keys(compose.volumes ?? {})).not.toContain("secrets");
    for (const [name, s] of Object.entries(compose.services)) {
      for (const v of volumesOf(s)) {
        if (v.target === KEYS_DIR_IN_CONTAINER) expect(v.source, name).toBe(KEYS_HOST);
        if (v.source === "backups" || v.source === "uploads") expect(v.target.startsWith("/run/voltura"), name).toBe(false);
      }
    }
    expect(read("deploy/secrets/.gitignore")).toMatch(/^\*$/m);
    expect(executable("deploy/make-keys.sh")).toBe(true);
    const script = read("deploy/make-keys.sh");
    expect(script).toContain('"format": "voltura-keys/1"');
    expect(script).toMatch(/if \[ -e "\$file" \]/);
    expect(script).toContain("umask 077");
  });
});

describe("point-in-time recovery with pgBackRest", () => {
  const pg = service("postgres");
  const conf = read("deploy/postgres/pgbackrest.conf");
  const setting = (name: string) => new RegExp(`^${name}=(.+)$`, "m").exec(conf)?.[1];

  it("archives every WAL segment through pgBackRest", () => {
    const command = commandOf("postgres");
    for (const option of ["wal_level=replica", "archive_mode=on", "archive_command=pgbackrest --stanza=voltura archive-push %p"]) {
      expect(command).toContain(option);
    }
    expect(Number(/archive_timeout=(\d+)/.exec(command)?.[1])).toBeLessThanOrEqual(600);
    expect(read("deploy/postgres/Dockerfile")).toMatch(/apt-get install [^\n]*pgbackrest/);
  });

  it("keeps its repository on its own volume, encrypted with a passphrase from .env", () => {
    expect(volumesOf(pg)).toContainEqual({ source: "pgbackrest-repo", target: setting("repo1-path") ?? "" });
    expect(volumesOf(pg)).toContainEqual({ source: "./deploy/postgres/pgbackrest.conf", target: "/etc/pgbackrest/pgbackrest.conf" });
    expect(volumesOf(pg)).toContainEqual({ source: "postgres-data", target: setting("pg1-path") ?? "" });
    expect(conf).toMatch(/^\[voltura\]$/m);
    expect(Number(setting("repo1-retention-full"))).toBeGreaterThanOrEqual(2);
    expect(conf).not.toMatch(/^repo1-cipher-pass=/m);
    expect(envOf(pg).PGBACKREST_REPO1_CIPHER_TYPE).toBe("aes-256-cbc");
    expect(envOf(pg).PGBACKREST_REPO1_CIPHER_PASS).toMatch(REQUIRED_VAR);
  });

  it("makes the stanza when the volume is initialised", () => {
    expect(executable("deploy/postgres/initdb/03-pgbackrest.sh")).toBe(true);
    expect(read("deploy/postgres/initdb/03-pgbackrest.sh")).toMatch(/pgbackrest --stanza=voltura [^\n]*stanza-create/);
  });

  it("documents base backups and the restore to a moment", () => {
    const guide = read("deploy/README.md");
    expect(guide).toMatch(/pgbackrest --stanza=voltura --type=full backup/);
    expect(guide).toMatch(/pgbackrest --stanza=voltura --type=diff backup/);
    expect(guide).toMatch(/--type=time "--target=[^"]+" --target-action=promote restore/);
  });
});

describe("the command-line restore", () => {
  it("runs on demand from the worker's image, with the owner's connection and the backup volumes", () => {
    const restore = service("restore");
    expect(restore.profiles).toEqual(["restore"]);
    expect(restore.restart).toBe("no");
    expect(restore.healthcheck?.disable).toBe(true);
    expect(restore.image).toBe(service("temporal-worker").image);
    expect(restore.build).toBeUndefined();
    expect([restore.entrypoint].flat().join(" ")).toBe("node scripts/ops/restore.mjs");
    expect(restore.working_dir).toBe("/app");
    expect(existsSync(path.join(repoRoot, "scripts/ops/restore.mjs"))).toBe(true);
    expect(JSON.parse(read("package.json")).scripts["restore:run"]).toContain("node scripts/ops/restore.mjs");
    expect(envOf(restore).DATABASE_URL).toMatch(OWNER_URL);
    expect(envOf(restore).BACKUP_DATABASE_URL).toMatch(OWNER_URL);
    expect(rawVolumes("restore")).toEqual(rawVolumes("temporal-worker"));
    expect(dependsOn(restore)).toEqual({ postgres: { condition: "service_healthy" } });
    expect(read("deploy/README.md")).toContain("docker compose run --rm restore ");
  });
});

describe("deploy/README.md and deploy/.env.example", () => {
  const guide = read("deploy/README.md");
  it.each([
    ["## Backups and restore", /\.vsbk/],
    ["### Point-in-time recovery (pgBackRest)", /pgbackrest-repo/],
    ["### Connecting your own S3 target", /BACKUP_S3_ENDPOINT/],
    ["## Keys", /gitlab-secrets\.json/],
    ["## Disk encryption (volumes)", /LUKS/],
    ["## Updating", /npm run update/],
  ])("has %s", (heading, content) => {
    expect(guide).toContain(`\n${heading}\n`);
    const section = guide.split(`\n${heading}\n`)[1]!.split(/\n## /)[0]!;
    expect(section).toMatch(content);
  });

  it("tells what each key protects and what losing it costs", () => {
    const keys = guide.split("\n## Keys\n")[1]!.split(/\n## /)[0]!;
    for (const key of ["voltura-keys.json", "WHATSAPP_AUTH_STATE_KEY", "PGBACKREST_CIPHER_PASS"]) expect(keys).toContain(key);
    expect(keys).toMatch(/If lost/);
  });

  it("asks for the new secrets, empty, in .env.example", () => {
    const example = read("deploy/.env.example");
    for (const name of ["PGBACKREST_CIPHER_PASS", "MINIO_ROOT_USER", "MINIO_ROOT_PASSWORD", "BACKUP_S3_ACCESS_KEY_ID", "BACKUP_S3_SECRET_ACCESS_KEY"]) {
      expect(example).toMatch(new RegExp(`^${name}=$`, "m"));
    }
    expect(example).toMatch(/^BACKUP_S3_ENDPOINT=http:\/\/minio:9000$/m);
    expect(composeText).not.toMatch(/voltura-keys\.json:[^\n]*:rw/);
  });
});
