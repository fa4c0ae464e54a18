import type { SearchHit } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import { customerSearchStatements } from "../modules/search/customer-sql";
import { itemSearchStatement, itemTitle } from "../modules/search/item-sql";
import { matchOf, mergeHits, readableKinds, SEARCH_READERS } from "../modules/search/ranking";
import { customerTerms, itemTerms } from "../modules/search/terms";

const hit = (kind: SearchHit["kind"], id: string, match: SearchHit["match"]): SearchHit => ({ kind, id, title: id, subtitle: null, match });
const placeholders = (sql: string) => (sql.match(/\?/g) ?? []).length;

describe("mergeHits", () => {
  it("puts every exact hit first, then prefixes, then text; kinds in order within a match, each kind's own order kept", () => {
    const jobs = [hit("job", "j-text", "text"), hit("job", "j-exact", "exact")];
    const customers = [hit("customer", "c-prefix", "prefix"), hit("customer", "c-text1", "text"), hit("customer", "c-text2", "text")];
    const items = [hit("item", "i-exact", "exact"), hit("item", "i-prefix", "prefix")];
    expect(mergeHits([items, customers, jobs], 10).map((h) => h.id)).toEqual([
      "j-exact", "i-exact", "c-prefix", "i-prefix", "j-text", "c-text1", "c-text2",
    ]);
  });
  it("ranks a barcode's exact hit above any name similarity, keeps at most `limit`, and drops repeats", () => {
    const items = [hit("item", "by-name", "text"), hit("item", "by-barcode", "exact"), hit("item", "by-barcode", "exact")];
    expect(mergeHits([items], 10).map((h) => h.id)).toEqual(["by-barcode", "by-name"]);
    expect(mergeHits([items], 1).map((h) => h.id)).toEqual(["by-barcode"]);
  });
  it("reads a row's flags as its best match", () => {
    expect(matchOf({ exact: true, prefix: true })).toBe("exact");
    expect(matchOf({ exact: false, prefix: true })).toBe("prefix");
    expect(matchOf({ exact: null, prefix: null })).toBe("text");
  });
});

describe("readableKinds", () => {
  it("leaves out the kinds a role may not list (technicians do not sell), never widens the request", () => {
    expect(readableKinds("technician")).toEqual(["job", "customer", "chat"]);
    expect(readableKinds("cashier")).toEqual(["job", "customer", "item", "invoice", "quotation", "receipt", "chat"]);
    expect(readableKinds("technician", ["invoice", "quotation", "receipt"])).toEqual([]);
    expect(readableKinds("owner", ["item", "job"])).toEqual(["job", "item"]);
    expect(readableKinds("technician", ["item"])).toEqual([]);
    expect(readableKinds("integration")).toEqual(["job", "item", "invoice", "quotation", "receipt", "chat"]);
    expect(readableKinds(undefined)).toEqual([]);
  });
  it("lets in every role that may read at least one kind", () => {
    expect([...SEARCH_READERS].sort()).toEqual(["cashier", "integration", "manager", "owner", "system", "technician"]);
  });
});

describe("customerTerms", () => {
  it("reads a whole number in any format as its E.164 and national digits, its start and its digits anywhere", () => {
    for (const typed of ["012-345 6789", "+60 12-345 6789", "0123456789", "60123456789"]) {
      const terms = customerTerms(typed);
      expect(terms.phone?.exact, typed).toContain("60123456789");
      expect(terms.phone?.exact, typed).toContain("0123456789");
      expect(terms.phone?.prefix, typed).toBe("60123456789");
    }
    expect(customerTerms("016-22").phone).toEqual({ exact: ["01622"], prefix: "601622", contains: "01622" });
    expect(customerTerms("6789").phone).toEqual({ exact: ["6789"], prefix: null, contains: "6789" });
  });
  it("splits names into words found anywhere (3+ characters) and word starts (shorter), escaping wildcards", () => {
    const terms = customerTerms("Ng  wei 50%");
    expect(terms.phone).toBeNull();
    expect(terms.longWords).toEqual(["wei", "50\\%"]);
    expect(terms.shortWordsQuery).toBe("Ng:*");
    expect(terms.text).toBe("Ng wei 50\\%");
    expect(customerTerms("Zoë@Mail.com").email).toBe("zoë@mail.com");
    expect(customerTerms("01")).toEqual({ phone: null, longWords: [], shortWordsQuery: null, text: null, email: null });
  });
});

describe("itemTerms", () => {
  it("keeps the code as typed and searches names anywhere from 3 characters", () => {
    expect(itemTerms("  9555000900028 ")).toEqual({ code: "9555000900028", codePrefix: "9555000900028", text: "9555000900028", anywhere: true });
    expect(itemTerms("ab")?.anywhere).toBe(false);
    expect(itemTerms("   ")).toBeNull();
  });
  it("titles a default variant by its product, others as Product (Variant)", () => {
    expect(itemTitle({ product_title: "USB-C Cable", variant_title: "Default" })).toBe("USB-C Cable");
    expect(itemTitle({ product_title: "iPhone 13 Screen", variant_title: "Black" })).toBe("iPhone 13 Screen (Black)");
  });
});

describe("search statements", () => {
  it("bind one value per placeholder for every list shape", () => {
    const shapes = [
      { order: "-created_at" as const, limit: 50, offset: 0 },
      { order: "-last_visit_at" as const, limit: 50, offset: 0, filters: { customer_type: "dealer" as const } },
      { q: "012-345 6789", order: "name" as const, limit: 20, offset: 40, filters: { tag: "vip", device_type: "phone" } },
      { q: "zoë ng", order: "phone" as const, limit: 8, offset: 0, phoneContains: false },
      { q: "tan wei", order: "-last_visit_at" as const, limit: 50, offset: 100, dense: true, filters: { customer_type: "corporate" as const } },
      { q: "a@b.co", order: "created_at" as const, limit: 8, offset: 0, filters: { last_visit_after: new Date(), customer_type: "walk_in" as const } },
    ];
    for (const shape of shapes) {
      const { page, count, estimate, neverVisited } = customerSearchStatements(shape);
      const parts = [page, count, estimate, ...(neverVisited ? [neverVisited.visitedBefore, neverVisited.page(10, 40)] : [])];
      for (const part of parts) expect(placeholders(part.sql), JSON.stringify(shape)).toBe(part.bindings.length);
    }
    expect(customerSearchStatements(shapes[1]!).neverVisited).toBeDefined();
    for (const input of [{ q: "cable", limit: 20 }, { q: "T-", limit: 20 }, { q: "9555000900028", limit: 5, exactOnly: true }]) {
      const statement = itemSearchStatement(input)!;
      expect(placeholders(statement.sql), input.q).toBe(statement.bindings.length);
    }
    expect(itemSearchStatement({ q: " ", limit: 5 })).toBeNull();
  });
  it("joins the CRM profile only when a filter or the sort reads it", () => {
    expect(customerSearchStatements({ order: "-created_at", limit: 50, offset: 0 }).page.sql).not.toContain("customer_profile");
    expect(customerSearchStatements({ order: "-created_at", limit: 50, offset: 0, filters: { tag: "vip" } }).count.sql).toContain("customer_profile");
    expect(customerSearchStatements({ order: "last_visit_at", limit: 50, offset: 0 }).page.sql).toContain("customer_profile");
  });
});
