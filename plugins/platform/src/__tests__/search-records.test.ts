import { describe, expect, it } from "vitest";
import { CONTAINS_MIN, RECORD_SOURCES, recordConditions, recordSearchStatement, recordTerms } from "../modules/search/record-sql";
import { RECORD_SEARCH_INDEXES } from "../modules/search/indexes";
import { tierMatch } from "../modules/search/ranking";

const source = { number: "n", phone: "p", name: "t" };
const sqlOf = (parts: Array<{ sql: string; bindings: unknown[] }>) => parts.map((p) => `${p.sql} ${JSON.stringify(p.bindings)}`);

describe("recordTerms", () => {
  it("reads a number (letters and digits), a phone in any format, or a name", () => {
    expect(recordTerms(" inv-2026 000123 ")).toMatchObject({ key: "INV2026000123", phone: null, text: null });
    expect(recordTerms("012-345 6789")).toMatchObject({ key: "0123456789", text: null });
    expect(recordTerms("012-345 6789").phone?.exact).toEqual(["60123456789", "0123456789"]);
    expect(recordTerms("Zoë Núñez")).toEqual({ key: null, phone: null, text: "Zoë Núñez" });
    expect(recordTerms("50%_off")).toMatchObject({ text: null, key: "50OFF" });
    expect(recordTerms("ng")).toEqual({ key: null, phone: null, text: null });
  });
});

describe("recordConditions", () => {
  it("matches a whole number exactly, with or without its letters; its start; digits anywhere only from CONTAINS_MIN", () => {
    const byNumber = recordConditions(source, recordTerms("2026000123"));
    expect(sqlOf(byNumber.exact)[0]).toBe(`n = ? ["2026000123"]`);
    expect(sqlOf(byNumber.exact)[1]).toContain(`ltrim(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') = ?`);
    expect(sqlOf(byNumber.prefix)).toContain(`n LIKE ? ["2026000123%"]`);
    expect(sqlOf(byNumber.text)).toContain(`n LIKE ? ["%2026000123%"]`);
    // With letters the entry is the number's start: no "anywhere" search.
    expect(sqlOf(recordConditions(source, recordTerms("RCP-2026")).text).filter((s) => s.startsWith("n "))).toEqual([]);
    // Three digits (the start of most phones) are not searched anywhere.
    const short = recordConditions(source, recordTerms("012"));
    expect(short.text).toEqual([]);
    expect(CONTAINS_MIN).toBe(4);
  });

  it("finds a phone whole (any format), by its start and its digits anywhere; a name anywhere, ranked higher at its start", () => {
    const phone = recordConditions(source, recordTerms("+60 12-345 6789"));
    expect(sqlOf(phone.exact)).toEqual(expect.arrayContaining([`p = ? ["60123456789"]`]));
    expect(phone.exact.every((p) => !p.sql.startsWith("t "))).toBe(true);
    const name = recordConditions(source, recordTerms("tan"));
    expect(name.exact).toEqual([]);
    expect(name.prefix).toEqual([expect.objectContaining({ rankOnly: true })]);
    expect(name.text).toEqual([expect.objectContaining({ sql: "t LIKE '%' || public.repair_search_key(?) || '%'", name: true })]);
  });
});

describe("recordSearchStatement", () => {
  it("is null when nothing typed can match, and reads a name through the customer's table for chats", () => {
    expect(recordSearchStatement(RECORD_SOURCES.receipt, "ng", 5)).toBeNull();
    const chat = recordSearchStatement(RECORD_SOURCES.chat, "mei ling", 5)!;
    expect(chat.sql).toContain("(SELECT * FROM customer c WHERE c.deleted_at IS NULL AND");
    expect(chat.bindings.at(-1)).toBe(5);
    expect(recordSearchStatement(RECORD_SOURCES.quotation, "QUO-2026-000321", 5)!.sql).toContain("ORDER BY tier");
  });

  it("uses only expressions some index holds", () => {
    const defined = RECORD_SEARCH_INDEXES.map((i) => i.definition.replace(/"/g, "")).join("\n");
    for (const [name, s] of Object.entries(RECORD_SOURCES)) {
      const bare = (e: string) => e.replace(/\b[a-z]{1,2}\./g, "");
      if (s.number) expect(defined, `${name} number`).toContain(bare(s.number));
      if (!["repairInvoice"].includes(name)) expect(defined, `${name} phone`).toContain(bare(s.phone));
      if (!["repairInvoice", "chat"].includes(name)) expect(defined, `${name} name`).toContain(bare(s.name));
    }
  });

  it("maps the SQL tier to the hit's match", () => {
    expect([0, 1, 2, "1", null, 7].map(tierMatch)).toEqual(["exact", "prefix", "text", "prefix", "text", "text"]);
  });
});
