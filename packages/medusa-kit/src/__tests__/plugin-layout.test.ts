import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  exportsSubpath,
  isPureImport,
  layoutProblems,
  literalModuleResolves,
  moduleKeyOf,
  sourceOfSubpath,
  stripComments,
  type PluginTree,
} from "./plugin-layout-rules";

/**
 * Every plugin in plugins/* has the one skeleton ARCHITECTURE.md describes ("Plugin skeleton"): the test reads
 * each plugin's src/ and package.json and lists what departs from it.
 */
const repoRoot = path.resolve(__dirname, "../../../..");
const pluginsDir = path.join(repoRoot, "plugins");
const pluginNames = readdirSync(pluginsDir).filter((name) => existsSync(path.join(pluginsDir, name, "src")));

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join("/")];
  });
}

function readPlugin(name: string): PluginTree {
  const root = path.join(pluginsDir, name);
  const src = path.join(root, "src");
  const files = walk(src);
  const read = (rel: string) => readFileSync(path.join(src, rel), "utf8");
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as PluginTree["pkg"];
  return { name, files, read, pkg };
}

const plugins = pluginNames.map(readPlugin);
const packageNames = new Map(plugins.map((p) => [p.pkg.name, p]));

/** Module keys across all plugins (from `export const X_MODULE = "key"` in modules/<mod>/index.ts). */
const moduleKeys = new Set(
  plugins.flatMap((p) =>
    p.files
      .filter((f) => /^modules\/[^/]+\/index\.ts$/.test(f))
      .map((f) => moduleKeyOf(p.read(f)))
      .filter((key): key is string => Boolean(key)),
  ),
);

describe("plugin skeleton", () => {
  it("finds the plugins and their module keys", () => {
    expect(plugins.length).toBeGreaterThanOrEqual(10);
    expect(moduleKeys.size).toBeGreaterThanOrEqual(plugins.length);
  });

  describe.each(plugins.map((p) => [p.name, p] as const))("%s", (_name, plugin) => {
    it("keeps to the folders of the skeleton", () => {
      expect(layoutProblems(plugin).join("\n")).toBe("");
    });

    it("keeps domain/ pure: no I/O, no framework, nothing outside domain/", () => {
      const impure = plugin.files
        .filter((f) => f.startsWith("domain/") && f.endsWith(".ts"))
        .flatMap((f) =>
          [...stripComments(plugin.read(f)).matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)]
            .map((m) => m[1]!)
            .filter((spec) => !isPureImport(f, spec))
            .map((spec) => `${f} imports ${spec}`),
        );
      expect(impure.join("\n")).toBe("");
    });

    it("resolves modules by their exported key constant, never by a string", () => {
      const literal = plugin.files
        .filter((f) => f.endsWith(".ts") && !f.startsWith("__tests__/") && !f.endsWith(".test.ts"))
        .flatMap((f) => literalModuleResolves(stripComments(plugin.read(f)), moduleKeys).map((key) => `${f}: "${key}"`));
      expect(literal.join("\n")).toBe("");
    });

    it("declares every other plugin it imports, and imports only paths that plugin exports", () => {
      const problems = plugin.files
        .filter((f) => f.endsWith(".ts"))
        .flatMap((f) =>
          [...stripComments(plugin.read(f)).matchAll(/from\s+["'](@voltura\/plugin-[a-z-]+)(\/[^"']*)?["']/g)].flatMap((m) => {
            const [pkgName, subpath] = [m[1]!, m[2] ?? ""];
            if (pkgName === plugin.pkg.name) return [`${f}: imports its own package ${pkgName}${subpath}`];
            const other = packageNames.get(pkgName);
            if (!other) return [`${f}: ${pkgName} is not a plugin`];
            const out: string[] = [];
            if (!plugin.pkg.dependencies?.[pkgName]) out.push(`${f}: ${pkgName} is not in dependencies`);
            if (!exportsSubpath(other.pkg.exports ?? {}, `.${subpath}`)) out.push(`${f}: ${pkgName} does not export ".${subpath}"`);
            else if (!sourceOfSubpath(other.files, subpath)) out.push(`${f}: ${pkgName} has no source for "${subpath}"`);
            return out;
          }),
        );
      expect(problems.join("\n")).toBe("");
    });
  });

  it("gives every plugin the same scripts", () => {
    const scriptSets = new Set(plugins.map((p) => Object.keys(p.pkg.scripts ?? {}).sort().join(",")));
    expect([...scriptSets]).toHaveLength(1);
  });
});
