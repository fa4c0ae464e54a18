import { describe, expect, it } from "vitest";
import { ARCHIVE_PLANS, ARCHIVE_SEARCH_KEYS, ARCHIVED_TABLES, TAX_RECORD_TABLES } from "../domain/archive-plan";
import {
  addCounts, anonymisedPhone, archiveCutoff, archiveSearchTerms, archiveSettingsPatchSchema, archiveSettingsSchema, containsPattern,
  taxRecordPurgeable, taxRetentionCutoff,
} from "../domain/archive-rules";

describe("archive cutoff", () => {
  it("goes back whole calendar months, clamping the day to the month's last", () => {
    expect(archiveCutoff(new Date("2026-12-07T03:30:00Z"), 24).toISOString()).toBe("2024-12-07T03:30:00.000Z");
    expect(archiveCutoff(new Date("2026-03-31T00:00:00Z"), 1).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(archiveCutoff(new Date("2028-03-31T00:00:00Z"), 1).toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });
});

describe("the 7-year rule", () => {
  it("refuses a tax retention below 7 years, naming the field", () => {
    const parsed = archiveSettingsSchema.safeParse({ archive_after_months: 24, tax_retention_years: 6, batch_size: 500 });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["tax_retention_years"]);
    expect(parsed.error!.issues[0]!.message).toMatch(/at least 7/);
    expect(archiveSettingsSchema.safeParse({ archive_after_months: 24, tax_retention_years: 7, batch_size: 500 }).success).toBe(true);
    expect(archiveSettingsPatchSchema.safeParse({ tax_retention_years: 3 }).success).toBe(false);
    expect(archiveSettingsPatchSchema.safeParse({ surprise: 1 }).success).toBe(false);
  });

  it("never lets a purge take a tax record younger than 7 years, whatever the setting says", () => {
    const now = new Date("2026-12-07T00:00:00Z");
    expect(taxRetentionCutoff(now, 3).toISOString()).toBe("2019-12-07T00:00:00.000Z");
    expect(taxRecordPurgeable(new Date("2020-01-01T00:00:00Z"), now, 3)).toBe(false);
    expect(taxRecordPurgeable(new Date("2019-12-06T23:59:59Z"), now, 7)).toBe(true);
    expect(taxRecordPurgeable(new Date("2019-12-06T23:59:59Z"), now, 10)).toBe(false);
  });
});

describe("the plan", () => {
  it("never moves a tax record", () => {
    for (const table of TAX_RECORD_TABLES) expect(ARCHIVED_TABLES).not.toContain(table);
  });
  it("moves children before their parent and has a search key for each searchable parent", () => {
    for (const plan of ARCHIVE_PLANS) {
      expect(plan.children.map((c) => c.table)).not.toContain(plan.table);
      expect(plan.eligible).toContain("?");
      expect(plan.eligible).not.toMatch(/\?\|/);
    }
    expect(Object.keys(ARCHIVE_SEARCH_KEYS).sort()).toEqual(["concierge_conversation", "pos_sale", "repair_job", "whatsapp_message"]);
  });
});

describe("search terms", () => {
  it("keeps text lower case and reads phone digits without the country or trunk prefix", () => {
    expect(archiveSearchTerms("  VSH-2024-000123 ")).toEqual({ text: "vsh-2024-000123", digits: null });
    expect(archiveSearchTerms("+60 12-345 6789")).toEqual({ text: "+60 12-345 6789", digits: "123456789" });
    expect(archiveSearchTerms("012-3456789")).toEqual({ text: "012-3456789", digits: "123456789" });
    expect(archiveSearchTerms("6789")).toEqual({ text: "6789", digits: "6789" });
    expect(archiveSearchTerms("ab")).toBeNull();
  });
  it("takes % and _ literally", () => {
    expect(containsPattern("50%_off")).toBe("%50\\%\\_off%");
  });
});

describe("helpers", () => {
  it("adds counts per table and makes a per-request phone stand-in", () => {
    expect(addCounts({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 5, c: 4 });
    expect(anonymisedPhone("dreq_1")).toBe("anonymised:dreq_1");
  });
});
