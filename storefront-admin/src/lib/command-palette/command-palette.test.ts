import { describe, expect, it } from "vitest";
import type { SearchHit } from "@voltura/contracts";
import { matchCommands, opensPalette, paletteCommands } from "./commands";
import { groupHits, hitHref } from "./groups";
import { readRecent, rememberRecent, recentStorageKey, RECENT_KEPT } from "./recent";

const hit = (kind: SearchHit["kind"], id: string, extra: Partial<SearchHit> = {}): SearchHit => ({ kind, id, title: id, subtitle: null, match: "text", ...extra });
const labels = { newJob: "New job", openCounter: "Open the counter", newQuotation: "New quotation" };
const key = (over: Partial<KeyboardEvent> = {}) => ({ key: "k", ctrlKey: true, metaKey: false, altKey: false, shiftKey: false, isComposing: false, keyCode: 75, repeat: false, ...over });

describe("hitHref", () => {
  it("opens each kind's page; a repair invoice on its job, an item on its inventory item", () => {
    expect(hitHref(hit("job", "rjob_1"))).toBe("/jobs/rjob_1");
    expect(hitHref(hit("customer", "cus_1"))).toBe("/customers/cus_1");
    expect(hitHref(hit("item", "variant_1", { page_id: "iitem_1" }))).toBe("/inventory/iitem_1");
    expect(hitHref(hit("item", "variant_2", { title: "Labour fee", page_id: null }))).toBe("/inventory?q=Labour+fee");
    expect(hitHref(hit("invoice", "rinv_1", { page_id: "rjob_9" }))).toBe("/jobs/rjob_9");
    expect(hitHref(hit("invoice", "sinv_1", { page_id: "sinv_1" }))).toBe("/invoicing/invoices/sinv_1");
    expect(hitHref(hit("quotation", "quo_1"))).toBe("/invoicing/quotations/quo_1");
    expect(hitHref(hit("receipt", "psale_1"))).toBe("/pos/sales/psale_1");
    expect(hitHref(hit("chat", "+60123456789"))).toBe("/inbox/%2B60123456789");
  });

  it("groups hits by kind in the search's kind order, keeping each kind's ranking, and leaves out empty kinds", () => {
    const groups = groupHits([hit("chat", "+601"), hit("job", "j2"), hit("customer", "c1"), hit("job", "j1")], (kind) => kind.toUpperCase());
    expect(groups.map((g) => [g.kind, g.label, g.hits.map((h) => h.id)])).toEqual([
      ["job", "JOB", ["j2", "j1"]],
      ["customer", "CUSTOMER", ["c1"]],
      ["chat", "CHAT", ["+601"]],
    ]);
    expect(groups[0]!.hits[0]!.href).toBe("/jobs/j2");
  });
});

describe("paletteCommands", () => {
  it("offers only the commands and pages of the role's nav", () => {
    const technician = paletteCommands([{ href: "/jobs", label: "Jobs", icon: "jobs" }, { href: "/jobs/new", label: "New job", icon: "new-job" }], labels);
    expect(technician.map((c) => `${c.group}:${c.href}`)).toEqual(["commands:/jobs/new", "pages:/jobs", "pages:/jobs/new"]);
    const cashier = paletteCommands([{ href: "/pos", label: "Counter", icon: "pos" }, { href: "/invoicing/quotations", label: "Quotations", icon: "quotations" }], labels);
    expect(cashier.filter((c) => c.group === "commands").map((c) => c.href)).toEqual(["/pos", "/invoicing/quotations/new"]);
  });

  it("matches every typed word in any case, accents ignored", () => {
    const all = paletteCommands([{ href: "/jobs/new", label: "New job", icon: "new-job" }, { href: "/reports", label: "Laporan", icon: "reports" }], labels);
    expect(matchCommands(all, "new JOB").map((c) => c.id)).toEqual(["new-job", "page:/jobs/new"]);
    expect(matchCommands(all, "lapóran").map((c) => c.id)).toEqual(["page:/reports"]);
    expect(matchCommands(all, "  ")).toHaveLength(all.length);
    expect(matchCommands(all, "zzz")).toEqual([]);
  });
});

describe("opensPalette", () => {
  it("opens on Ctrl+K and Cmd+K only, never while an input method composes or a key repeats", () => {
    expect(opensPalette(key())).toBe(true);
    expect(opensPalette(key({ key: "K" }))).toBe(true);
    expect(opensPalette(key({ ctrlKey: false, metaKey: true }))).toBe(true);
    expect(opensPalette(key({ ctrlKey: false }))).toBe(false); // a plain "k": typing, or a scanner's character
    expect(opensPalette(key({ isComposing: true }))).toBe(false);
    expect(opensPalette(key({ keyCode: 229 }))).toBe(false);
    expect(opensPalette(key({ repeat: true }))).toBe(false);
    expect(opensPalette(key({ shiftKey: true }))).toBe(false);
    expect(opensPalette(key({ altKey: true }))).toBe(false);
    expect(opensPalette(key({ metaKey: true }))).toBe(false);
    expect(opensPalette(key({ key: "j" }))).toBe(false);
  });
});

describe("recent items", () => {
  const memory = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
  };
  const item = (n: number) => ({ kind: "job" as const, id: `rjob_${n}`, title: `J-${n}`, subtitle: null, href: `/jobs/rjob_${n}` });

  it("keeps the newest first, once each, per staff member, at most RECENT_KEPT", () => {
    const store = memory();
    for (let n = 1; n <= RECENT_KEPT + 2; n++) rememberRecent(store, "staff_a", item(n));
    rememberRecent(store, "staff_a", item(5));
    const mine = readRecent(store, "staff_a");
    expect(mine).toHaveLength(RECENT_KEPT);
    expect(mine.slice(0, 2).map((r) => r.id)).toEqual(["rjob_5", `rjob_${RECENT_KEPT + 2}`]);
    expect(mine.filter((r) => r.id === "rjob_5")).toHaveLength(1);
    expect(readRecent(store, "staff_b")).toEqual([]);
  });

  it("reads tampered or foreign values as none, and survives a storage that refuses writes", () => {
    const store = memory();
    store.data.set(recentStorageKey("s"), "{not json");
    expect(readRecent(store, "s")).toEqual([]);
    store.data.set(recentStorageKey("s"), JSON.stringify([{ ...item(1), href: "https://evil.test/" }]));
    expect(readRecent(store, "s")).toEqual([]);
    const full = { getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); } };
    expect(rememberRecent(full, "s", item(1))).toEqual([item(1)]);
    expect(readRecent(null, "s")).toEqual([]);
  });
});
