import path from "node:path";

/** One plugin as the layout test sees it: its src/ files (paths relative to src/) and its package.json. */
export interface PluginTree {
  name: string;
  files: string[];
  read(rel: string): string;
  pkg: {
    name: string;
    scripts?: Record<string, string>;
    dependencies?: Record<string, string>;
    exports?: Record<string, string>;
  };
}

/** The folders a plugin's src/ may hold (ARCHITECTURE.md, "Plugin skeleton"). */
export const SKELETON_FOLDERS = [
  "__tests__",
  "admin",
  "api",
  "domain",
  "jobs",
  "links",
  "migration-scripts",
  "modules",
  "subscribers",
  "workflows",
] as const;
const REQUIRED = ["admin/README.md", "workflows/index.ts"];
const REQUIRED_FOLDERS = ["__tests__", "api", "modules"];
const WORKFLOW_SUBFOLDERS = new Set(["steps", "hooks"]);
const KEBAB_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.test)?\.ts$/;

export function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

export function moduleKeyOf(indexSource: string): string | null {
  return /export const \w+_MODULE\s*=\s*["']([A-Za-z_]+)["']/.exec(indexSource)?.[1] ?? null;
}

/** `container.resolve("crm")`-style lookups of one of our module keys by a string literal. */
export function literalModuleResolves(source: string, moduleKeys: ReadonlySet<string>): string[] {
  return [...source.matchAll(/\bresolve\s*(?:<[^>()]*>)?\s*\(\s*["']([A-Za-z_]+)["']/g)]
    .map((m) => m[1]!)
    .filter((key) => moduleKeys.has(key));
}

const IMPURE_PACKAGES = [/^@medusajs\//, /^pg$/, /^knex$/, /^@mikro-orm\//, /^@temporalio\//, /^@voltura\/plugin-/, /^@voltura\/medusa-kit/];
const IMPURE_NODE = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls|worker_threads)$/;

/** Whether a domain/ file may import `spec`: pure packages, or files that stay inside domain/. */
export function isPureImport(fromFile: string, spec: string): boolean {
  if (spec.startsWith(".")) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec));
    return target.startsWith("domain/");
  }
  return !IMPURE_PACKAGES.some((re) => re.test(spec)) && !IMPURE_NODE.test(spec);
}

function topLevel(files: string[]) {
  const folders = new Set<string>();
  const loose: string[] = [];
  for (const f of files) {
    const [head, ...rest] = f.split("/");
    if (rest.length) folders.add(head!);
    else loose.push(f);
  }
  return { folders, loose };
}

function moduleProblems(files: string[]): string[] {
  const mods = new Set(files.filter((f) => f.startsWith("modules/")).map((f) => f.split("/")[1]!));
  return [...mods].flatMap((mod) => {
    const has = (rel: string) => files.some((f) => f === `modules/${mod}/${rel}` || f.startsWith(`modules/${mod}/${rel}/`));
    const missing = ["index.ts", "service.ts"].filter((rel) => !has(rel));
    // A module that owns no table (a client, a query-only module) has neither; one with models has migrations.
    if (has("models") && !has("migrations")) missing.push("migrations");
    return missing.map((rel) => `modules/${mod} has no ${rel}`);
  });
}

function workflowProblems(plugin: PluginTree): string[] {
  const problems: string[] = [];
  for (const f of plugin.files.filter((file) => file.startsWith("workflows/"))) {
    const parts = f.split("/");
    if (parts.length > 2) {
      if (!WORKFLOW_SUBFOLDERS.has(parts[1]!)) problems.push(`${f}: workflows/ holds only steps/ and hooks/ folders`);
      continue;
    }
    if (f === "workflows/index.ts") continue;
    const count = (stripComments(plugin.read(f)).match(/\bcreateWorkflow\s*\(/g) ?? []).length;
    if (count !== 1) problems.push(`${f}: ${count} workflows (one per file)`);
  }
  return problems;
}

function loadedFolderProblems(plugin: PluginTree, folder: "jobs" | "subscribers"): string[] {
  return plugin.files
    .filter((f) => f.startsWith(`${folder}/`))
    .flatMap((f) => {
      if (f.split("/").length > 2) return [`${f}: Medusa loads ${folder}/ flat, no subfolders`];
      const source = stripComments(plugin.read(f));
      const out: string[] = [];
      if (!/export default\b/.test(source)) out.push(`${f}: no default export`);
      if (!/export const config\b/.test(source)) out.push(`${f}: no config`);
      return out;
    });
}

function linkProblems(plugin: PluginTree): string[] {
  return plugin.files
    .filter((f) => f.startsWith("links/") && f !== "links/index.ts")
    .filter((f) => !/\bdefineLink\s*\(/.test(stripComments(plugin.read(f))))
    .map((f) => `${f}: not a link definition`);
}

function namingProblems(files: string[]): string[] {
  const named = files.filter((f) => /^(workflows|links|jobs|subscribers|domain)\//.test(f) && f.endsWith(".ts"));
  return named.filter((f) => !KEBAB_FILE.test(path.posix.basename(f))).map((f) => `${f}: file names are kebab-case`);
}

/** Everything in one plugin that departs from the skeleton; empty when it keeps to it. */
export function layoutProblems(plugin: PluginTree): string[] {
  const { folders, loose } = topLevel(plugin.files);
  const allowed = new Set<string>(SKELETON_FOLDERS);
  return [
    ...loose.map((f) => `src/${f}: no loose files in src/`),
    ...[...folders].filter((d) => !allowed.has(d)).map((d) => `src/${d}/: not a skeleton folder`),
    ...REQUIRED.filter((f) => !plugin.files.includes(f)).map((f) => `src/${f} is missing`),
    ...REQUIRED_FOLDERS.filter((d) => !folders.has(d)).map((d) => `src/${d}/ is missing`),
    ...plugin.files.filter((f) => f.startsWith("admin/") && f !== "admin/README.md").map((f) => `src/${f}: admin/ holds only its README`),
    ...moduleProblems(plugin.files),
    ...workflowProblems(plugin),
    ...loadedFolderProblems(plugin, "jobs"),
    ...loadedFolderProblems(plugin, "subscribers"),
    ...linkProblems(plugin),
    ...namingProblems(plugin.files),
  ];
}

/** Whether package.json `exports` (exact keys or one-star patterns) answers `subpath` ("./search/service"). */
export function exportsSubpath(exports: Record<string, string>, subpath: string): boolean {
  return Object.keys(exports).some((key) => {
    if (!key.includes("*")) return key === subpath;
    const [head, tail] = key.split("*") as [string, string];
    return subpath.length > head.length + tail.length && subpath.startsWith(head) && subpath.endsWith(tail);
  });
}

/** The src/ file an import of "@voltura/plugin-x<subpath>" lands on, if it exists. */
export function sourceOfSubpath(files: string[], subpath: string): string | null {
  const rel = subpath.replace(/^\//, "");
  const candidates = rel ? [`${rel}.ts`, `${rel}/index.ts`] : ["index.ts"];
  return candidates.find((c) => files.includes(c)) ?? null;
}
