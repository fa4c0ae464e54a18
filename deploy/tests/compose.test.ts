// docker-compose.yml: services, health checks, logging, dependencies and secrets.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAlias } from "yaml";
import { repoRoot, read, composeText, composeDoc, compose, services, EXPECTED_SERVICES, ONE_SHOT_SERVICES, INIT_SERVICES, service, envOf, dependsOn, volumesOf, publishedPorts, healthTest, buildOf, REQUIRED_VAR, OPTIONAL_EMPTY_VAR, SECRET_NAME, CORE_SECRETS } from "./compose-fixture.js";

describe("docker-compose.yml", () => {
  it("parses without errors or warnings", () => {
    expect(composeDoc.errors).toEqual([]);
    expect(composeDoc.warnings).toEqual([]);
  });

  it("defines every service of the platform", () => {
    expect(Object.keys(services).sort()).toEqual([...EXPECTED_SERVICES, ...ONE_SHOT_SERVICES, ...INIT_SERVICES].sort());
  });

  it("defines the log rotation anchor", () => {
    expect(compose["x-logging"]).toEqual({ driver: "json-file", options: { "max-size": "10m", "max-file": "5" } });
  });

  describe.each(EXPECTED_SERVICES)("service %s", (name) => {
    it("has a healthcheck", () => {
      const s = service(name);
      expect(s.healthcheck?.disable).not.toBe(true);
      expect(healthTest(s)).toMatch(/^(CMD|CMD-SHELL) \S/);
    });

    it("restarts unless stopped", () => {
      expect(service(name).restart).toBe("unless-stopped");
    });

    it("logs through the x-logging anchor", () => {
      const node = composeDoc.getIn(["services", name, "logging"], true);
      expect(isAlias(node)).toBe(true);
      expect(isAlias(node) && node.source).toBe("logging");
      expect(service(name).logging).toEqual(compose["x-logging"]);
    });

    it("depends only on services that exist, once they are healthy", () => {
      for (const [target, dep] of Object.entries(dependsOn(service(name)))) {
        expect(EXPECTED_SERVICES, `${name} depends on ${target}`).toContain(target);
        expect(target).not.toBe(name);
        expect(dep.condition, `${name} → ${target}`).toBe("service_healthy");
        expect(services[target]?.healthcheck, `${target} needs a healthcheck to be waited for`).toBeDefined();
      }
    });
  });

  it("runs PostgreSQL with pgvector, room for every pool, a volume and pg_isready", () => {
    const pg = service("postgres");
    expect(buildOf(pg)?.dockerfile).toBe("deploy/postgres/Dockerfile");
    expect(read("deploy/postgres/Dockerfile")).toMatch(/^FROM pgvector\/pgvector:pg\d+$/m);
    const maxConnections = Number([pg.command].flat().join(" ").match(/max_connections=(\d+)/)?.[1]);
    expect(maxConnections).toBeGreaterThan(100);
    expect(envOf(pg).POSTGRES_PASSWORD).toMatch(REQUIRED_VAR);
    expect(volumesOf(pg)).toContainEqual({ source: "postgres-data", target: "/var/lib/postgresql/data" });
    expect(healthTest(pg)).toContain("pg_isready");
    const initDir = volumesOf(pg).find((v) => v.target === "/docker-entrypoint-initdb.d");
    expect(initDir && existsSync(path.join(repoRoot, initDir.source))).toBe(true);
  });

  it("runs Redis with an append-only file on a volume", () => {
    const redis = service("redis");
    expect(redis.image).toMatch(/^redis:7/);
    expect([redis.command].flat().join(" ")).toMatch(/--appendonly yes/);
    expect(volumesOf(redis).map((v) => v.source)).toContain("redis-data");
    expect(healthTest(redis)).toContain("redis-cli ping");
  });

  it("runs Temporal on the postgres service, with the voltura namespace and no volume", () => {
    const temporal = service("temporal");
    expect(temporal.image).toMatch(/^temporalio\/auto-setup:/);
    const env = envOf(temporal);
    expect(env).toMatchObject({ DB: "postgres12", DB_PORT: "5432", POSTGRES_SEEDS: "postgres", DEFAULT_NAMESPACE: "voltura" });
    expect(env.POSTGRES_USER).toBe(envOf(service("postgres")).POSTGRES_USER);
    expect(env.POSTGRES_PWD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(dependsOn(temporal)).toHaveProperty("postgres");
    expect(temporal.volumes ?? []).toEqual([]);
    expect(healthTest(temporal)).toMatch(/temporal operator cluster health|tctl .*cluster health/);
  });

  it("points the Temporal UI at the Temporal frontend and keeps it off public interfaces", () => {
    const ui = service("temporal-ui");
    expect(ui.image).toMatch(/^temporalio\/ui:/);
    expect(envOf(ui).TEMPORAL_ADDRESS).toBe("temporal:7233");
    for (const p of ui.ports ?? []) expect(String(p)).toMatch(/^127\.0\.0\.1:/);
  });

  it("runs commerce and commerce-worker from one image, differing in MEDUSA_WORKER_MODE", () => {
    const server = service("commerce");
    const worker = service("commerce-worker");
    expect(server.image).toBeTruthy();
    expect(worker.image).toBe(server.image);
    expect(worker.build).toEqual(server.build);
    expect(buildOf(server)?.dockerfile).toBe("commerce/Dockerfile");
    expect(envOf(server).MEDUSA_WORKER_MODE).toBe("server");
    expect(envOf(worker).MEDUSA_WORKER_MODE).toBe("worker");
    const { MEDUSA_WORKER_MODE: _s, ...serverRest } = envOf(server);
    const { MEDUSA_WORKER_MODE: _w, ...workerRest } = envOf(worker);
    expect(workerRest).toEqual(serverRest);
  });

  it("wires commerce to PostgreSQL, Redis, Temporal and the uploads volume", () => {
    const commerce = service("commerce");
    const env = envOf(commerce);
    expect(env.REDIS_URL).toBe("redis://redis:6379");
    expect(env.TEMPORAL_ADDRESS).toBe("temporal:7233");
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(env.JWT_SECRET).toMatch(REQUIRED_VAR);
    expect(env.COOKIE_SECRET).toMatch(REQUIRED_VAR);
    expect(Object.keys(dependsOn(commerce)).sort()).toEqual(["postgres", "redis", "temporal"]);
    expect(volumesOf(commerce)).toContainEqual({ source: "uploads", target: "/app/static" });
    expect(healthTest(commerce)).toMatch(/:9000\/health/);
  });

  it("points the Temporal worker and the console at commerce", () => {
    const worker = envOf(service("temporal-worker"));
    expect(worker).toMatchObject({ TEMPORAL_ADDRESS: "temporal:7233", MEDUSA_URL: "http://commerce:9000", WORKER_HEALTH_PORT: "9400" });
    expect(healthTest(service("temporal-worker"))).toMatch(/:9400\/health/);
    const consoleEnv = envOf(service("storefront-admin"));
    expect(consoleEnv.MEDUSA_URL).toBe("http://commerce:9000");
    expect(consoleEnv.ORIGIN).toBe("https://${PUBLIC_HOST:-localhost}");
    expect(healthTest(service("storefront-admin"))).toMatch(/:3000\/health/);
  });

  it("declares the named volumes the services use, and none for Temporal", () => {
    const declared = Object.keys(compose.volumes ?? {});
    expect(declared.sort()).toEqual(["backups", "mail-outbox", "minio-data", "pgbackrest-repo", "postgres-data", "redis-data", "uploads"]);
    for (const [name, s] of Object.entries(services)) {
      for (const v of volumesOf(s)) {
        if (!v.source.startsWith(".") && !v.source.startsWith("/")) expect(declared, `${name}: ${v.source}`).toContain(v.source);
      }
    }
  });

  it("runs the first-run setup only on demand, once, from the commerce image with commerce's settings", () => {
    const setup = service("setup");
    expect(setup.profiles).toEqual(["setup"]);
    expect(setup.image).toBe(service("commerce").image);
    expect(setup.build).toBeUndefined();
    expect([setup.command].flat().join(" ")).toBe("medusa exec ./src/scripts/setup-shop.js");
    expect(setup.restart).toBe("no");
    expect(setup.healthcheck?.disable).toBe(true);
    expect(service("setup").logging).toEqual(compose["x-logging"]);
    const { MEDUSA_WORKER_MODE: _m, ...commerceEnv } = envOf(service("commerce"));
    expect(envOf(setup)).toMatchObject(commerceEnv);
    for (const name of ["SETUP_SHOP_NAME", "SETUP_SHOP_PHONE", "SETUP_SHOP_ADDRESS", "SETUP_OWNER_NAME", "SETUP_OWNER_EMAIL"]) {
      expect(envOf(setup)[name], name).toMatch(OPTIONAL_EMPTY_VAR);
    }
    // The owner's password never sits in .env: without one the setup prints a one-time password.
    expect(envOf(setup)).not.toHaveProperty("SETUP_OWNER_PASSWORD");
    for (const [target, dep] of Object.entries(dependsOn(setup))) {
      expect(EXPECTED_SERVICES).toContain(target);
      expect(dep.condition).toBe("service_healthy");
    }
    expect(Object.keys(dependsOn(setup))).toContain("postgres");
  });

  it("never runs the demo seed, and makes it refuse unless a trial install allows it", () => {
    expect(composeText).not.toMatch(/seed-demo/);
    for (const [name, s] of Object.entries(services)) {
      expect([s.command ?? []].flat().join(" "), name).not.toMatch(/seed/);
    }
    for (const name of ["commerce", "commerce-worker", "setup"]) {
      expect(envOf(service(name)).VOLTURA_DEMO_SEED, name).toBe("${VOLTURA_DEMO_SEED:-refuse}");
    }
  });

  it("builds every image from a Dockerfile that exists, with the repository root as context", () => {
    const builds = Object.entries(services).flatMap(([name, s]) => (s.build ? [[name, buildOf(s)!] as const] : []));
    expect(builds.map(([name]) => name).sort()).toEqual(["commerce", "commerce-worker", "postgres", "storefront-admin", "temporal-worker"]);
    for (const [name, build] of builds) {
      expect(build.context, name).toBe(".");
      expect(build.dockerfile, name).toBeTruthy();
      expect(existsSync(path.join(repoRoot, build.context, build.dockerfile ?? "")), `${name}: ${build.dockerfile}`).toBe(true);
    }
  });

  it("publishes only nginx to the outside, on 80 and 443, with its config and certificates", () => {
    const nginx = service("nginx");
    expect(nginx.image).toMatch(/^nginx:1\.27/);
    expect(publishedPorts(nginx)).toEqual(expect.arrayContaining([{ published: "443", target: "443" }, { published: "80", target: "80" }]));
    const mounts = volumesOf(nginx);
    expect(mounts).toContainEqual({ source: "./deploy/nginx/certs", target: "/etc/nginx/certs" });
    expect(mounts).toContainEqual({ source: "./deploy/nginx/voltura.conf", target: "/etc/nginx/conf.d/default.conf" });
    for (const [name, s] of Object.entries(services)) {
      if (name === "nginx") continue;
      for (const p of s.ports ?? []) expect(String(p), name).toMatch(/^127\.0\.0\.1:/);
    }
  });
});

describe("secrets in docker-compose.yml", () => {
  const envEntries = Object.entries(services).flatMap(([name, s]) =>
    Object.entries(envOf(s)).map(([key, value]) => ({ name, key, value })),
  );

  it("tells a required interpolation from a literal", () => {
    expect("${JWT_SECRET:?set JWT_SECRET in .env}").toMatch(REQUIRED_VAR);
    expect("${JWT_SECRET}").not.toMatch(REQUIRED_VAR);
    expect("${JWT_SECRET:-changeme}").not.toMatch(REQUIRED_VAR);
    expect("changeme").not.toMatch(REQUIRED_VAR);
  });

  it("takes every secret from the environment, never a hard-coded value", () => {
    const secrets = envEntries.filter((e) => SECRET_NAME.test(e.key));
    expect(secrets.length).toBeGreaterThanOrEqual(8);
    for (const { name, key, value } of secrets) {
      const fromEnv = REQUIRED_VAR.test(value) || OPTIONAL_EMPTY_VAR.test(value);
      expect(fromEnv, `${name}.${key} = ${value}`).toBe(true);
    }
  });

  it("requires the core secrets wherever they are used", () => {
    for (const secret of CORE_SECRETS) {
      const uses = [...composeText.matchAll(new RegExp(`\\$\\{${secret}[^}]*\\}`, "g"))].map((m) => m[0]);
      expect(uses.length, secret).toBeGreaterThan(0);
      for (const use of uses) expect(use).toMatch(REQUIRED_VAR);
    }
  });

  it("puts no literal password in a connection URL", () => {
    // scheme://user:password@host — the password runs to the last "@".
    const credentials = /^[a-z]+:\/\/[^/:@]+:(.+)@[^@]+$/;
    const urls = envEntries.filter((e) => credentials.test(e.value));
    expect(urls.map((u) => `${u.name}.${u.key}`).sort()).toEqual(
      [
        "commerce-worker.DATABASE_URL", "commerce.DATABASE_URL", "migrate-console.DATABASE_URL", "migrate.DATABASE_URL",
        "restore.BACKUP_DATABASE_URL", "restore.DATABASE_URL", "setup.DATABASE_URL", "storefront-admin.DATABASE_URL",
        "temporal-worker.BACKUP_DATABASE_URL",
      ],
    );
    for (const { name, key, value } of urls) {
      expect(value.match(credentials)?.[1], `${name}.${key}`).toMatch(REQUIRED_VAR);
    }
  });

  it("lists every variable compose reads in deploy/.env.example", () => {
    const example = read("deploy/.env.example");
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    const used = new Set([...composeText.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect(documented, name).toContain(name);
    for (const secret of CORE_SECRETS) expect(example).toMatch(new RegExp(`^${secret}=$`, "m"));
  });
});
