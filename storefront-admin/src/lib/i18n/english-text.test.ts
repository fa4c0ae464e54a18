import { describe, expect, it } from "vitest";
import { findEnglishText, hasWords } from "./english-text";

describe("finding English left in a template", () => {
  it("flags text nodes, naming attributes and shown string literals", () => {
    const found = findEnglishText(`<script lang="ts">let done = $state(false); const t = "Not shown";</script>
<h1>Repair jobs</h1>
<input placeholder="Search jobs" class="w-full" name="q" />
<Field label="Name" />
<p>{done ? "Done" : "—"} {count}</p>
<button aria-label={open ? "Close menu" : m.common_close()}>×</button>`);
    expect(found.map((f) => `${f.where}: ${f.text}`)).toEqual([
      "text: Repair jobs",
      "attribute placeholder: Search jobs",
      "attribute label: Name",
      "expression: Done",
      "attribute aria-label: Close menu",
    ]);
  });

  it("lets messages, symbols, numbers, brands, codes and compared literals pass", () => {
    const found = findEnglishText(`<script lang="ts">import { m } from "$lib/paraglide/messages.js";</script>
<h1>{m.common_save()}</h1>
<p>RM {total} · 12% — IMEI / SST / WhatsApp</p>
<span class={status === "in_progress" ? "text-primary" : ""}>{items.join(", ")}</span>
<kbd>Ctrl</kbd><code>npm run i18n</code>
<a href="/jobs/new" title="WhatsApp">{x}</a>`);
    expect(found).toEqual([]);
  });

  it("counts a word as two letters or more, brands aside", () => {
    expect(hasWords("x")).toBe(false);
    expect(hasWords("RM 12.50")).toBe(false);
    expect(hasWords("Voltura Service Hub")).toBe(false);
    expect(hasWords("e.g. 012-345 6789")).toBe(false);
    expect(hasWords("Simpan")).toBe(true);
  });
});
