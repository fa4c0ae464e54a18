// Structure checks for docker-compose.yml, the nginx config and the app Dockerfiles: no Docker
// engine runs where this is tested, so the deployment must be right by construction.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isAlias, parseDocument } from "yaml";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const read = (rel: string) => readFileSync(path.join(repoRoot, rel), "utf8");

interface Healthcheck {
  test?: string | string[];
  disable?: boolean;
}
interface Build {
  context: string;
  dockerfile?: string;
}
interface Service {
  image?: string;
  build?: string | Build;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number | { target: number; published?: string | number })[];
  volumes?: (string | { source?: string; target: string })[];
  healthcheck?: Healthcheck;
  restart?: string;
  logging?: { driver?: string; options?: Record<string, string> };
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  "x-logging"?: Service["logging"];
}

const composeText = read("docker-compose.yml");
const composeDoc = parseDocument(composeText, { merge: true });
const compose = composeDoc.toJS() as Compose;
const services = compose.services;

const EXPECTED_SERVICES = [
  "postgres", "redis", "temporal", "temporal-ui", "commerce", "commerce-worker",
  "temporal-worker", "storefront-admin", "nginx",
];
const APPS = ["commerce", "temporal", "storefront-admin"];

function service(name: string): Service {
  const s = services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
}

function envOf(s: Service): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(s.environment)) {
    for (const line of s.environment) {
      const i = line.indexOf("=");
      out[i < 0 ? line : line.slice(0, i)] = i < 0 ? "" : line.slice(i + 1);
    }
  } else {
    for (const [k, v] of Object.entries(s.environment ?? {})) out[k] = v == null ? "" : String(v);
  }
  return out;
}

function dependsOn(s: Service): Record<string, { condition?: string }> {
  if (Array.isArray(s.depends_on)) return Object.fromEntries(s.depends_on.map((n) => [n, {}]));
  return s.depends_on ?? {};
}

function volumesOf(s: Service): { source: string; target: string }[] {
  return (s.volumes ?? []).map((v) => {
    if (typeof v !== "string") return { source: v.source ?? "", target: v.target };
    const [source = "", target = ""] = v.split(":");
    return { source, target };
  });
}

function publishedPorts(s: Service): { published: string; target: string }[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p === "object") return { published: String(p.published ?? ""), target: String(p.target) };
    const parts = String(p).split(":");
    return { published: parts.at(-2) ?? "", target: parts.at(-1) ?? "" };
  });
}

const healthTest = (s: Service) => [s.healthcheck?.test ?? []].flat().join(" ");

function buildOf(s: Service): Build | undefined {
  return typeof s.build === "string" ? { context: s.build } : s.build;
}

/** `${NAME:?message}`: compose stops with the message when NAME is unset or empty. */
const REQUIRED_VAR = /^\$\{([A-Z][A-Z0-9_]*):\?[^}]+\}$/;
/** `${NAME:-}`: an optional setting that is simply absent when not given. */
const OPTIONAL_EMPTY_VAR = /^\$\{([A-Z][A-Z0-9_]*):-\}$/;
const SECRET_NAME = /(PASSWORD|PWD|SECRET|_KEY)$/;
const CORE_SECRETS = ["POSTGRES_PASSWORD", "JWT_SECRET", "COOKIE_SECRET"];

describe("docker-compose.yml", () => {
  it("parses without errors or warnings", () => {
    expect(composeDoc.errors).toEqual([]);
    expect(composeDoc.warnings).toEqual([]);
  });

  it("defines every service of the platform", () => {
    expect(Object.keys(services).sort()).toEqual([...EXPECTED_SERVICES].sort());
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
    expect(pg.image).toMatch(/^pgvector\/pgvector:pg\d+/);
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
    expect(declared.sort()).toEqual(["postgres-data", "redis-data", "uploads"]);
    for (const [name, s] of Object.entries(services)) {
      for (const v of volumesOf(s)) {
        if (!v.source.startsWith(".") && !v.source.startsWith("/")) expect(declared, `${name}: ${v.source}`).toContain(v.source);
      }
    }
  });

  it("builds every image from a Dockerfile that exists, with the repository root as context", () => {
    const builds = Object.entries(services).flatMap(([name, s]) => (s.build ? [[name, buildOf(s)!] as const] : []));
    expect(builds.map(([name]) => name).sort()).toEqual(["commerce", "commerce-worker", "storefront-admin", "temporal-worker"]);
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
      ["commerce-worker.DATABASE_URL", "commerce.DATABASE_URL", "storefront-admin.DATABASE_URL"],
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

describe("deploy/nginx/voltura.conf", () => {
  const conf = read("deploy/nginx/voltura.conf");
  const directives = conf.replace(/#.*$/gm, "");

  it("terminates TLS with the mounted certificate files", () => {
    expect(directives).toMatch(/^\s*listen 443 ssl;/m);
    expect(directives).toMatch(/^\s*ssl_certificate\s+\/etc\/nginx\/certs\/\S+;/m);
    expect(directives).toMatch(/^\s*ssl_certificate_key\s+\/etc\/nginx\/certs\/\S+;/m);
    expect(directives).toMatch(/ssl_protocols TLSv1\.2 TLSv1\.3;/);
  });

  it("redirects plain HTTP to HTTPS with a 301", () => {
    expect(directives).toMatch(/^\s*listen 80;/m);
    expect(directives).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
  });

  it("sends security headers, WebSocket upgrades and allows photo uploads", () => {
    expect(directives).toMatch(/add_header Strict-Transport-Security "max-age=\d+[^"]*" always;/);
    expect(directives).toMatch(/add_header X-Content-Type-Options "nosniff" always;/);
    expect(directives).toMatch(/frame-ancestors 'none'/);
    expect(directives).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(directives).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    const body = directives.match(/client_max_body_size (\d+)m;/)?.[1];
    expect(Number(body)).toBeGreaterThanOrEqual(10);
    expect(envOf(service("storefront-admin")).BODY_SIZE_LIMIT).toBe(`${body}M`);
  });

  it("proxies / to the console and only /health and /admin under /commerce/", () => {
    expect(directives).toMatch(/location \/ \{\s*proxy_pass http:\/\/console;/);
    expect(directives).toMatch(/location = \/commerce\/health \{\s*proxy_pass http:\/\/commerce\/health;/);
    expect(directives).toMatch(/location \/commerce\/admin\/ \{\s*proxy_pass http:\/\/commerce\/admin\/;/);
    expect(directives).toMatch(/location \/commerce\/ \{\s*return 404;/);
    const proxied = [...directives.matchAll(/proxy_pass http:\/\/(\w+)/g)].map((m) => m[1]);
    expect(new Set(proxied)).toEqual(new Set(["console", "commerce"]));
  });

  it("sends upstream traffic to compose services on the ports they listen on", () => {
    const upstreams = [...directives.matchAll(/server ([\w-]+):(\d+)/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(upstreams.sort()).toEqual(["commerce:9000", "storefront-admin:3000"]);
    for (const u of upstreams) expect(EXPECTED_SERVICES).toContain(u.split(":")[0]);
  });

  it("comes with a script that makes a self-signed certificate", () => {
    const script = "deploy/nginx/make-self-signed-cert.sh";
    expect(statSync(path.join(repoRoot, script)).mode & 0o111).not.toBe(0);
    const text = read(script);
    expect(text).toMatch(/openssl req -x509/);
    expect(text).toContain("fullchain.pem");
    expect(text).toContain("privkey.pem");
    expect(directives).toContain("/etc/nginx/certs/fullchain.pem");
    expect(directives).toContain("/etc/nginx/certs/privkey.pem");
  });
});

/** Dockerfile instructions, with continuation lines joined and comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  return text
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const [op = "", ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(" ") };
    });
}

describe.each(APPS)("%s/Dockerfile", (app) => {
  const dockerfile = `${app}/Dockerfile`;
  const steps = instructions(read(dockerfile));
  const froms = steps.flatMap((s, i) => (s.op === "FROM" ? [i] : []));
  const finalStage = steps.slice(froms.at(-1));

  it("starts every stage from node:24 or an earlier stage", () => {
    const stages: string[] = [];
    expect(froms.length).toBeGreaterThanOrEqual(2);
    for (const i of froms) {
      const [image = "", as, name] = steps[i]!.args.split(/\s+/).filter((a) => !a.startsWith("--"));
      if (!stages.includes(image)) expect(image).toMatch(/^node:24([.-]|$)/);
      if (as?.toUpperCase() === "AS" && name) stages.push(name);
    }
    expect(steps[froms[0]!]!.args).toMatch(/^node:24-bookworm-slim\b/);
  });

  it("installs with npm ci and builds with a turbo filter", () => {
    const runs = steps.filter((s) => s.op === "RUN").map((s) => s.args);
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.some((r) => /turbo run build --filter=@voltura\/[\w-]+\.\.\./.test(r))).toBe(true);
  });

  it("checks its health and runs as a non-root user in the final stage", () => {
    const health = finalStage.find((s) => s.op === "HEALTHCHECK");
    expect(health?.args).toMatch(/\bCMD\b.*\/health/);
    const user = finalStage.filter((s) => s.op === "USER").at(-1)?.args ?? "root";
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(finalStage.some((s) => s.op === "CMD")).toBe(true);
  });

  it("has an ignore file BuildKit reads for a repository-root context", () => {
    // <Dockerfile>.dockerignore beside the Dockerfile: a plain .dockerignore is only read at the context root.
    const ignore = read(`${dockerfile}.dockerignore`).split(/\r?\n/).map((l) => l.trim());
    expect(ignore).toEqual(expect.arrayContaining(["**/node_modules", ".git", ".env"]));
    expect(ignore).toContain("!deploy/package.json");
  });
});
