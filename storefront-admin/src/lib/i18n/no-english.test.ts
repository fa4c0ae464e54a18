import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findEnglishText } from "./english-text";
import { FILES_STILL_TO_CONVERT } from "./files-still-to-convert";

/**
 * No English written into a template: every .svelte file under src/ takes its words from the
 * message files (en + ms). Customer pages speak both languages side by side on purpose.
 */
const ROOT = join(import.meta.dirname, "../../..");
// Customer pages and the printed counter receipt speak to the customer, not to staff: their words follow the
// customer (both languages side by side), not the staff member's choice.
const BILINGUAL_CUSTOMER_PAGES = [/^src\/routes\/track\//, /^src\/routes\/optout\//, /^src\/routes\/\(staff\)\/pos\/sales\/\[id\]\/receipt\//];

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith(".svelte") ? [relative(ROOT, path)] : [];
  });
}

const files = svelteFiles(join(ROOT, "src")).filter((file) => !BILINGUAL_CUSTOMER_PAGES.some((page) => page.test(file)));
const stillToConvert = new Set<string>(FILES_STILL_TO_CONVERT);
const englishIn = (file: string) => findEnglishText(readFileSync(join(ROOT, file), "utf8"));

describe("no English text in .svelte templates", () => {
  it("finds the templates", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.filter((file) => !stillToConvert.has(file)))("%s takes every word from the message files", (file) => {
    const left = englishIn(file).map((hit) => `line ${hit.line} (${hit.where}): ${hit.text}`);
    expect(left, `English left in ${file}; move it to messages/<area>/{en,ms}.json`).toEqual([]);
  });

  it("lists only files that exist and still have English (remove converted ones from files-still-to-convert.ts)", () => {
    const existing = new Set(files);
    const gone = [...stillToConvert].filter((file) => !existing.has(file));
    const converted = [...stillToConvert].filter((file) => existing.has(file) && englishIn(file).length === 0);
    expect({ gone, converted }).toEqual({ gone: [], converted: [] });
  });
});
