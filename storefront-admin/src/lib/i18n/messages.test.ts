import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The message files: every key in both languages, nothing empty, the same {params} on both sides,
 * keys prefixed by their area, and every `m.<key>` the console calls exists.
 */
const ROOT = join(import.meta.dirname, "../../..");
const settings = JSON.parse(readFileSync(join(ROOT, "project.inlang/settings.json"), "utf8")) as {
  locales: string[];
  "plugin.inlang.messageFormat": { pathPattern: string[] };
};
const areas = settings["plugin.inlang.messageFormat"].pathPattern.map((pattern) => {
  const match = /^\.\/messages\/([a-z]+)\/\{locale\}\.json$/.exec(pattern);
  if (!match) throw new Error(`unexpected pathPattern ${pattern}`);
  return match[1]!;
});

function readMessages(area: string, locale: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, "messages", area, `${locale}.json`), "utf8")) as Record<string, unknown>;
}

const params = (text: string): string[] => [...text.matchAll(/\{([a-zA-Z_][a-zA-Z0-9_]*)\}/g)].map((p) => p[1]!).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "paraglide" ? [] : sourceFiles(path);
    return /\.(svelte|ts|js)$/.test(name) ? [path] : [];
  });
}

describe("message files", () => {
  it("lists both languages and a file pair for every area", () => {
    expect(settings.locales).toEqual(["en", "ms"]);
    expect(areas.length).toBeGreaterThan(20);
    for (const area of areas) for (const locale of settings.locales) expect(() => readMessages(area, locale)).not.toThrow();
  });

  it.each(areas)("%s: same keys in en and ms, none empty, same {params}, keys prefixed by the area", (area) => {
    const en = readMessages(area, "en");
    const ms = readMessages(area, "ms");
    expect(Object.keys(ms).sort(), `keys of messages/${area}/ms.json vs en.json`).toEqual(Object.keys(en).sort());
    const problems: string[] = [];
    for (const [key, value] of Object.entries(en)) {
      if (!key.startsWith(`${area}_`)) problems.push(`${key}: must start with "${area}_"`);
      if (!/^[a-z][a-z0-9_]*$/.test(key)) problems.push(`${key}: use lower snake_case`);
      const other = ms[key];
      if (typeof value !== "string" || !value.trim()) problems.push(`${key}: empty in en`);
      if (typeof other !== "string" || !other.trim()) problems.push(`${key}: empty in ms`);
      if (typeof value === "string" && typeof other === "string" && params(value).join() !== params(other).join()) {
        problems.push(`${key}: params differ (en ${params(value).join(",")} / ms ${params(other).join(",")})`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every m.<key> used under src/ exists", () => {
    const known = new Set(areas.flatMap((area) => Object.keys(readMessages(area, "en"))));
    const missing: string[] = [];
    const src = join(ROOT, "src");
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, "utf8");
      if (!text.includes("paraglide/messages")) continue;
      for (const use of text.matchAll(/\bm\.([a-z][a-z0-9_]*)\b|\bm\[["']([a-z][a-z0-9_]*)["']\]/g)) {
        const key = use[1] ?? use[2]!;
        if (!known.has(key)) missing.push(`${relative(ROOT, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
