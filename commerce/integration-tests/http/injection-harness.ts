import type { z } from "zod";
import type { InjectionPayload } from "./injection-payloads";

/**
 * Drives the injection payloads through the write routes: the text fields come from each
 * route's zod request schema, the expected stored value is what that schema makes of the body.
 */

/** A string leaf of a request schema, as a dotted path (`lines.0.description`). */
export interface TextField {
  path: string;
  max: number | null;
  /** Formats, references and codes (emails, phones, ids, keys, patterns): checked for 5xx, not read back. */
  format: boolean;
}

// A zod v4 schema seen through its definition (the public API has no walker).
interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string }; bag?: { maximum?: number; format?: string; patterns?: Set<RegExp> } };
}
const FORMAT_NAMES = /(?:^|\.)(?:phone|to|from|email|whatsapp|tin|nric|imei_serial|public_url|code|password|accent_colour|logo_base64|msic_code|postcode|state_code|classification_code|eta|expected_at|valid_until|job_number|promo_codes\.\d+)$|_id$|_key$|_token$/;

export function textFields(schema: z.ZodType): TextField[] {
  const found = new Map<string, TextField>();
  // zod's public types hide each kind's definition fields, which the walk reads (see ZodInternals).
  walk(schema as unknown as ZodInternals, []);
  return [...found.values()];

  function walk(node: ZodInternals, path: string[]): void {
    const def = node._zod.def;
    const inner = (key: string) => def[key] as ZodInternals;
    switch (def.type) {
      case "object":
        for (const [key, child] of Object.entries(def.shape as Record<string, ZodInternals>)) walk(child, [...path, key]);
        return;
      case "optional": case "nullable": case "default": case "prefault": case "readonly": case "catch": case "nonoptional":
        return walk(inner("innerType"), path);
      case "pipe": {
        const from = inner("in");
        walk(from._zod.def.type === "transform" ? inner("out") : from, path);
        const key = path.join(".");
        const out = inner("out")._zod;
        const leaf = found.get(key);
        if (leaf && leaf.max === null && out.def.type === "string") leaf.max = out.bag?.maximum ?? null;
        return;
      }
      case "array":
        return walk(inner("element"), [...path, "0"]);
      case "union":
        for (const option of def.options as ZodInternals[]) walk(option, path);
        return;
      case "string": {
        const key = path.join(".");
        const bag = node._zod.bag ?? {};
        const format = !!bag.format || (bag.patterns?.size ?? 0) > 0 || FORMAT_NAMES.test(key);
        const existing = found.get(key);
        found.set(key, { path: key, max: bag.maximum ?? existing?.max ?? null, format: format || (existing?.format ?? false) });
        return;
      }
      default:
        return;
    }
  }
}

export function valueAt(source: unknown, path: string): unknown {
  if (source && typeof source === "object" && Object.hasOwn(source, path)) return (source as Record<string, unknown>)[path];
  return path.split(".").reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), source);
}

export function withValue<T>(body: T, path: string, value: unknown): T {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] === undefined || node[key] === null) node[key] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
  return copy as T;
}

export type Answer = { status: number; data: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- answers are read field by field

export interface WriteRoute {
  name: string;
  method?: "POST" | "GET";
  path: () => string | Promise<string>;
  schema: z.ZodType;
  /** A valid body; `seq` makes unique values (phones, emails, keys). */
  body: (seq: number) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The stored record after an accepted write: fields looked up by request path (flat keys first). */
  read?: (answer: Answer, body: Record<string, unknown>) => Promise<unknown>;
  /** Text fields not injected (e.g. media that would be fetched), or only checked for 5xx. */
  skip?: string[];
  statusOnly?: string[];
  /** Runs after every accepted write, read back or not (e.g. closing what only one may have open). */
  cleanup?: (answer: Answer) => Promise<void>;
  /** What a valid body answers when that is not a 2xx (e.g. 409 from a one-time setup already done). */
  validStatus?: number;
  /** Routes sharing state that one of them changes (e.g. the one open stock take) run one after another. */
  group?: string;
  /** Creates may run payloads side by side; updates of one record run one after another. */
  parallel?: boolean;
}

export interface Finding {
  route: string;
  fields: string[];
  payload: string;
  problem: string;
}

export interface InjectionRun {
  requests: number;
  accepted: number;
  readBack: number;
  /** Seconds per route, for keeping the suite fast. */
  seconds: Record<string, number>;
  /** Single-line fields that stored a line break as a space (names split into first and last). */
  folded: string[];
  findings: Finding[];
}

export type Send = (method: "POST" | "GET", path: string, body?: unknown) => Promise<Answer>;

async function inParallel<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

/** Runs the routes, different groups side by side, and the routes of one group in order. */
export async function runRoutes(routes: readonly WriteRoute[], payloads: readonly InjectionPayload[], send: Send, run: InjectionRun, parallel = 3): Promise<void> {
  const groups = new Map<string, WriteRoute[]>();
  for (const route of routes) groups.set(route.group ?? route.name, [...(groups.get(route.group ?? route.name) ?? []), route]);
  await inParallel([...groups.values()], parallel, async (group) => {
    for (const route of group) await runRoute(route, payloads, send, run);
  });
}

let sequence = 0;
export const nextSeq = () => ++sequence;

/**
 * For each payload: one request with the payload in every free-text field; when that is refused,
 * one request per field. Formats get a request each. Any 5xx is a finding; an accepted value
 * must read back exactly as the schema parsed it (no truncation, no mangling).
 */
export async function runRoute(route: WriteRoute, payloads: readonly InjectionPayload[], send: Send, run: InjectionRun): Promise<void> {
  const startedAt = Date.now();
  try {
    await injectRoute(route, payloads, send, run);
  } finally {
    run.seconds[route.name] = Math.round((Date.now() - startedAt) / 100) / 10;
  }
}

async function injectRoute(route: WriteRoute, payloads: readonly InjectionPayload[], send: Send, run: InjectionRun): Promise<void> {
  const fields = textFields(route.schema).filter((f) => !route.skip?.includes(f.path));
  const free = fields.filter((f) => !f.format && !route.statusOnly?.includes(f.path));
  const checkedOnly = fields.filter((f) => !free.includes(f));

  async function attempt(label: string, body: Record<string, unknown>, targets: TextField[], readBack: boolean): Promise<boolean> {
    const answer = await send(route.method ?? "POST", await route.path(), body);
    run.requests++;
    const names = targets.map((f) => f.path);
    if (answer.status >= 500 || answer.status === 0) {
      run.findings.push({ route: route.name, fields: names, payload: label, problem: `${answer.status}: ${String(answer.data?.message ?? answer.data).slice(0, 200)}` });
      return false;
    }
    if (answer.status >= 300) return false;
    run.accepted++;
    if (!readBack || !route.read) {
      await route.cleanup?.(answer);
      return true;
    }
    const parsed = route.schema.safeParse(body);
    const stored = await route.read(answer, body);
    await route.cleanup?.(answer);
    run.requests++;
    for (const f of targets) {
      const expected = parsed.success ? valueAt(parsed.data, f.path) : undefined;
      const actual = valueAt(stored, f.path);
      run.readBack++;
      if (typeof expected === "string" && /[\r\n]/.test(expected) && actual === expected.replace(/\r\n|\r|\n/g, " ")) {
        run.folded.push(`${route.name} ${f.path}`);
        continue;
      }
      if (actual !== expected) {
        const why = !parsed.success ? `accepted although the schema refuses it (${f.max ?? "no"} max)` : `reads back ${describe(actual)} instead of ${describe(expected)}`;
        run.findings.push({ route: route.name, fields: [f.path], payload: label, problem: why });
      }
    }
    return true;
  }

  const inject = async (payload: InjectionPayload, targets: TextField[], readBack: boolean) => {
    let body = await route.body(nextSeq());
    for (const f of targets) body = withValue(body, f.path, payload.value);
    return attempt(payload.id, body, targets, readBack);
  };

  // The unchanged body must be accepted and read back (which also proves the read-back mapping),
  // or every payload would only prove a 4xx.
  const base = await route.body(nextSeq());
  if (route.validStatus) {
    const answer = await send(route.method ?? "POST", await route.path(), base);
    run.requests++;
    if (answer.status !== route.validStatus) run.findings.push({ route: route.name, fields: [], payload: "(valid body)", problem: `answered ${answer.status}, not ${route.validStatus}` });
  } else if (!(await attempt("(valid body)", base, free.filter((f) => valueAt(base, f.path) !== undefined), true))) {
    run.findings.push({ route: route.name, fields: [], payload: "(valid body)", problem: "the valid body was refused" });
    return;
  }

  await inParallel(payloads, route.parallel ? 3 : 1, async (payload) => {
    if (free.length && !(await inject(payload, free, true)) && free.length > 1) {
      for (const f of free) await inject(payload, [f], true);
    }
    for (const f of checkedOnly) await inject(payload, [f], false);
  });
}

function describe(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value) ?? "undefined";
  const shown = value.length > 40 ? `${value.slice(0, 20)}…(${value.length} chars)` : value;
  return JSON.stringify(shown);
}
