// The nginx config and the app Dockerfiles.
import { statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, read, EXPECTED_SERVICES, APPS, service, envOf } from "./compose-fixture.js";

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
