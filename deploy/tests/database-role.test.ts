// The apps' least-privilege database role and the owner-only migrations (docker-compose.yml,
// deploy/postgres). No database runs where this is tested: the wiring must be right by construction.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, read, service, envOf, dependsOn, volumesOf, REQUIRED_VAR, ONE_SHOT_SERVICES } from "./compose-fixture.js";

const APP_ROLE = "voltura_app";
const OWNER = envOf(service("postgres")).POSTGRES_USER;
const roleSql = read("deploy/postgres/app-role.sql");
const initScript = read("deploy/postgres/initdb/02-app-role.sh");
/** The SQL without comments, one statement per line where it matters. */
const sql = roleSql.replace(/--.*$/gm, "").replace(/\s+/g, " ");

const userOf = (url: string) => /^postgres:\/\/([^:]+):/.exec(url)?.[1];
const passwordVarOf = (url: string) => /^postgres:\/\/[^:]+:(\$\{[^}]+\})@/.exec(url)?.[1];

describe("the apps connect as voltura_app, never as the owner", () => {
  it.each(["commerce", "commerce-worker", "storefront-admin", "setup"])("%s", (name) => {
    const url = envOf(service(name)).DATABASE_URL ?? "";
    expect(userOf(url)).toBe(APP_ROLE);
    expect(passwordVarOf(url)).toMatch(/^\$\{POSTGRES_APP_PASSWORD:\?/);
    expect(passwordVarOf(url)).toMatch(REQUIRED_VAR);
  });

  it("keeps the owner for PostgreSQL itself, Temporal and the migrations", () => {
    expect(OWNER).toBe("voltura");
    expect(envOf(service("temporal")).POSTGRES_USER).toBe(OWNER);
    for (const name of ["migrate", "migrate-console"]) {
      const url = envOf(service(name)).DATABASE_URL ?? "";
      expect(userOf(url), name).toBe(OWNER);
      expect(passwordVarOf(url), name).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    }
  });
});

describe("the role is created with the database", () => {
  it("by an init script mounted into postgres, with the SQL beside it and the password from .env", () => {
    const pg = service("postgres");
    expect(volumesOf(pg)).toContainEqual({ source: "./deploy/postgres/initdb", target: "/docker-entrypoint-initdb.d" });
    expect(volumesOf(pg)).toContainEqual({ source: "./deploy/postgres/app-role.sql", target: "/voltura/app-role.sql" });
    expect(envOf(pg).VOLTURA_APP_PASSWORD).toMatch(/^\$\{POSTGRES_APP_PASSWORD:\?/);
    const script = path.join(repoRoot, "deploy/postgres/initdb/02-app-role.sh");
    expect(existsSync(script)).toBe(true);
    expect(statSync(script).mode & 0o111, "executable").not.toBe(0);
    expect(initScript).toMatch(/^#!\/bin\/sh/);
    expect(initScript).toContain("set -eu");
    expect(initScript).toContain('--set app_password="$VOLTURA_APP_PASSWORD"');
    expect(initScript).toContain("--file /voltura/app-role.sql");
    // Sorted after the extension script, which the app role relies on (pgvector).
    expect(existsSync(path.join(repoRoot, "deploy/postgres/initdb/01-extensions.sql"))).toBe(true);
  });

  it("the SQL file sits outside initdb, so postgres does not run it without its variables", () => {
    expect(existsSync(path.join(repoRoot, "deploy/postgres/initdb/app-role.sql"))).toBe(false);
    expect(roleSql).toContain("\\set ON_ERROR_STOP on");
  });

  it("lists POSTGRES_APP_PASSWORD as a required secret in .env.example", () => {
    expect(read("deploy/.env.example")).toMatch(/^POSTGRES_APP_PASSWORD=$/m);
  });
});

describe("deploy/postgres/app-role.sql", () => {
  it("creates voltura_app if missing and takes every special power away", () => {
    expect(sql).toContain("SELECT 'CREATE ROLE voltura_app LOGIN' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voltura_app') \\gexec");
    const alter = /ALTER ROLE voltura_app WITH ([^;]+);/.exec(sql)?.[1] ?? "";
    for (const word of ["LOGIN", "NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE", "NOREPLICATION", "NOBYPASSRLS", "PASSWORD :'app_password'"]) {
      expect(alter).toContain(word);
    }
    expect(sql).not.toMatch(/\bSUPERUSER\b/); // NOSUPERUSER only
    // Every right given to voltura_app is one of these: no CREATE, no ALL, no TRUNCATE, no role membership.
    const grants = [...sql.matchAll(/GRANT ([A-Z, ]+?) ON [^;]*? TO voltura_app/g)].map((m) => m[1]!.split(/,\s*/));
    expect(grants.length).toBeGreaterThanOrEqual(5);
    for (const rights of grants) {
      for (const right of rights) expect(["SELECT", "INSERT", "UPDATE", "DELETE", "USAGE", "CONNECT", "TEMPORARY"]).toContain(right);
    }
    expect(sql).not.toMatch(/GRANT [\w":]+ TO voltura_app/);
  });

  it("grants CONNECT on this database and usage of the app schemas, and nothing to PUBLIC", () => {
    expect(sql).toContain('REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;');
    expect(sql).toContain('GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO voltura_app;');
    expect(sql).toContain("REVOKE CREATE ON SCHEMA public FROM PUBLIC;");
    expect(sql).toContain("GRANT USAGE ON SCHEMA public, console, archive TO voltura_app;");
    expect(sql).toContain('CREATE SCHEMA IF NOT EXISTS console AUTHORIZATION :"owner";');
    expect(sql).toContain('CREATE SCHEMA IF NOT EXISTS archive AUTHORIZATION :"owner";');
  });

  it("gives row rights (DML) on the tables and sequences there now", () => {
    expect(sql).toContain("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, console, archive TO voltura_app;");
    expect(sql).toContain("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, console, archive TO voltura_app;");
  });

  it("and on whatever the owner's migrations create later (default privileges)", () => {
    expect(sql).toContain('ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public, console, archive GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO voltura_app;');
    expect(sql).toContain('ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public, console, archive GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO voltura_app;');
    expect(initScript).toContain('--set owner="${POSTGRES_USER:-voltura}"');
  });

  it("takes UPDATE, DELETE and TRUNCATE on the audit trail away, now and when a migration creates it", () => {
    expect(sql).toContain("SELECT 'REVOKE UPDATE, DELETE, TRUNCATE ON public.audit_entry FROM voltura_app' WHERE to_regclass('public.audit_entry') IS NOT NULL \\gexec");
    expect(sql).toMatch(/CREATE EVENT TRIGGER voltura_app_audit_append_only ON ddl_command_end WHEN TAG IN \('CREATE TABLE', 'GRANT'\) EXECUTE FUNCTION public\.voltura_app_audit_append_only\(\);/);
    expect(sql).toMatch(/FUNCTION public\.voltura_app_audit_append_only\(\)[^$]*\$fn\$[^$]*REVOKE UPDATE, DELETE, TRUNCATE ON public\.audit_entry FROM voltura_app;/);
    // The archive of the trail is read-only for the apps (rows arrive through the owner's audit_entry_archive()).
    expect(sql).toContain("SELECT 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON archive.audit_entry FROM voltura_app' WHERE to_regclass('archive.audit_entry') IS NOT NULL \\gexec");
    expect(sql).toMatch(/\$fn\$[^$]*REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON archive\.audit_entry FROM voltura_app;[^$]*\$fn\$/);
  });
});

describe("the one-shot migrate service", () => {
  it("is on demand only, and runs the console's migrations first, then commerce's", () => {
    for (const name of ["migrate", "migrate-console"]) {
      const s = service(name);
      expect(ONE_SHOT_SERVICES).toContain(name);
      expect(s.profiles, name).toEqual(["migrate"]);
      expect(s.restart, name).toBe("no");
      expect(s.healthcheck?.disable, name).toBe(true);
      expect(s.build, name).toBeUndefined();
    }
    const migrate = service("migrate");
    expect(migrate.image).toBe(service("commerce").image);
    const command = [migrate.command].flat().join(" ");
    expect(command).toContain("medusa db:migrate --execute-safe-links");
    expect(command).toContain("medusa exec ./src/scripts/prepare-knowledge.js");
    expect(dependsOn(migrate)["migrate-console"]).toEqual({ condition: "service_completed_successfully" });
    expect(dependsOn(migrate).postgres).toEqual({ condition: "service_healthy" });
    const consoleMigrate = service("migrate-console");
    expect(consoleMigrate.image).toBe(service("storefront-admin").image);
    expect(envOf(consoleMigrate).CONSOLE_MIGRATE_ONLY).toBe("1");
    expect(dependsOn(consoleMigrate).postgres).toEqual({ condition: "service_healthy" });
  });

  it("is what the deployment guide runs, instead of migrating as the app", () => {
    const guide = read("deploy/README.md");
    expect(guide).toContain("docker compose run --rm migrate");
    expect(guide).not.toMatch(/run --rm commerce npx medusa db:migrate/);
  });
});

describe("the mail outbox", () => {
  it("lives on its own volume, outside the /app/static that commerce serves", () => {
    const commerce = service("commerce");
    expect(envOf(commerce).MAIL_OUTBOX_DIR).toBe("/app/outbox");
    expect(volumesOf(commerce)).toContainEqual({ source: "mail-outbox", target: "/app/outbox" });
    expect(envOf(commerce).MAIL_OUTBOX_DIR?.startsWith("/app/static")).toBe(false);
    expect(read("commerce/Dockerfile")).toMatch(/mkdir -p [^\n]*\/app\/outbox[^\n]*chown node:node [^\n]*\/app\/outbox/);
  });
});
