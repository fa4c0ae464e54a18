// Shared reading of the deployment files for the structure tests (no Docker engine runs where
// they are tested, so the deployment must be right by construction).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseDocument } from "yaml";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const read = (rel: string) => readFileSync(path.join(repoRoot, rel), "utf8");

export interface Healthcheck {
  test?: string | string[];
  disable?: boolean;
}
export interface Build {
  context: string;
  dockerfile?: string;
}
export interface Service {
  image?: string;
  build?: string | Build;
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number | { target: number; published?: string | number })[];
  volumes?: (string | { source?: string; target: string })[];
  healthcheck?: Healthcheck;
  restart?: string;
  profiles?: string[];
  entrypoint?: string | string[];
  working_dir?: string;
  logging?: { driver?: string; options?: Record<string, string> };
}
export interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
  "x-logging"?: Service["logging"];
}

export const composeText = read("docker-compose.yml");
export const composeDoc = parseDocument(composeText, { merge: true });
export const compose = composeDoc.toJS() as Compose;
export const services = compose.services;

export const EXPECTED_SERVICES = [
  "postgres", "redis", "temporal", "temporal-ui", "commerce", "commerce-worker",
  "temporal-worker", "storefront-admin", "nginx", "minio",
];
/** Run once on demand (`docker compose run --rm NAME`), never by `docker compose up`. */
export const ONE_SHOT_SERVICES = ["setup", "migrate", "migrate-console", "restore"];
/** Run once by every `docker compose up`, then exit (restart "no"). */
export const INIT_SERVICES = ["minio-bucket"];
export const APPS = ["commerce", "temporal", "storefront-admin"];

export function service(name: string): Service {
  const s = services[name];
  if (!s) throw new Error(`docker-compose.yml has no service ${name}`);
  return s;
}

export function envOf(s: Service): Record<string, string> {
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

export function dependsOn(s: Service): Record<string, { condition?: string }> {
  if (Array.isArray(s.depends_on)) return Object.fromEntries(s.depends_on.map((n) => [n, {}]));
  return s.depends_on ?? {};
}

export function volumesOf(s: Service): { source: string; target: string }[] {
  return (s.volumes ?? []).map((v) => {
    if (typeof v !== "string") return { source: v.source ?? "", target: v.target };
    const [source = "", target = ""] = v.split(":");
    return { source, target };
  });
}

export function publishedPorts(s: Service): { published: string; target: string }[] {
  return (s.ports ?? []).map((p) => {
    if (typeof p === "object") return { published: String(p.published ?? ""), target: String(p.target) };
    const parts = String(p).split(":");
    return { published: parts.at(-2) ?? "", target: parts.at(-1) ?? "" };
  });
}

export const healthTest = (s: Service) => [s.healthcheck?.test ?? []].flat().join(" ");

export function buildOf(s: Service): Build | undefined {
  return typeof s.build === "string" ? { context: s.build } : s.build;
}

/** `${NAME:?message}`: compose stops with the message when NAME is unset or empty. */
export const REQUIRED_VAR = /^\$\{([A-Z][A-Z0-9_]*):\?[^}]+\}$/;
/** `${NAME:-}`: an optional setting that is simply absent when not given. */
export const OPTIONAL_EMPTY_VAR = /^\$\{([A-Z][A-Z0-9_]*):-\}$/;
export const SECRET_NAME = /(PASSWORD|PWD|SECRET|_KEY)$/;
export const CORE_SECRETS = ["POSTGRES_PASSWORD", "POSTGRES_APP_PASSWORD", "JWT_SECRET", "COOKIE_SECRET"];

