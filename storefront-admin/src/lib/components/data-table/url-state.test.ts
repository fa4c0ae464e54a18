import { describe, expect, it } from "vitest";
import { ariaSortOf, exportHrefOf, isCurrentPreset, nextSort, pageWindow, parsePage, parseSort, presetQueryOf, sortParam, withParams } from "./url-state";

describe("data table URL state", () => {
  it("reads a sort from the URL, falling back on unknown keys", () => {
    expect(parseSort("-sla_due_at", ["created_at", "sla_due_at"], "-created_at")).toEqual({ key: "sla_due_at", desc: true });
    expect(parseSort("sla_due_at", ["created_at", "sla_due_at"], "-created_at")).toEqual({ key: "sla_due_at", desc: false });
    expect(parseSort("-password", ["created_at"], "-created_at")).toEqual({ key: "created_at", desc: true });
    expect(parseSort(null, ["created_at"], "created_at")).toEqual({ key: "created_at", desc: false });
    expect(sortParam({ key: "total", desc: true })).toBe("-total");
  });

  it("flips the sorted column and starts another in its natural direction", () => {
    const byCreated = { key: "created_at", desc: true };
    expect(nextSort(byCreated, "created_at")).toEqual({ key: "created_at", desc: false });
    expect(nextSort({ key: "created_at", desc: false }, "created_at")).toEqual({ key: "created_at", desc: true });
    expect(nextSort(byCreated, "name")).toEqual({ key: "name", desc: false });
    expect(nextSort(byCreated, "total", true)).toEqual({ key: "total", desc: true });
  });

  it("says aria-sort only on the sorted column", () => {
    expect(ariaSortOf({ key: "a", desc: true }, "a")).toBe("descending");
    expect(ariaSortOf({ key: "a", desc: false }, "a")).toBe("ascending");
    expect(ariaSortOf({ key: "a", desc: false }, "b")).toBe("none");
  });

  it("keeps page numbers sane", () => {
    expect(parsePage("3")).toBe(3);
    expect(parsePage("0")).toBe(1);
    expect(parsePage("-2")).toBe(1);
    expect(parsePage("abc")).toBe(1);
    expect(parsePage("99999999")).toBe(10_000);
    expect(parsePage(undefined)).toBe(1);
  });

  it("changes parameters, going back to page 1 unless only the page changes", () => {
    expect(withParams("status=pending&page=3", { sort: "-sla_due_at" })).toBe("sort=-sla_due_at&status=pending");
    expect(withParams("status=pending&page=3", { page: 4 })).toBe("page=4&status=pending");
    expect(withParams("status=pending&page=3", { page: 1 })).toBe("status=pending");
    expect(withParams("status=pending&q=abc", { status: null, q: "" })).toBe("");
    expect(withParams("sort=name", { sort: "-created_at" }, { sort: "-created_at" })).toBe("");
  });

  it("stores a preset as the view's query without page or empty fields, in one order", () => {
    expect(presetQueryOf("page=2&status=pending&q=&breached=1")).toBe("breached=1&status=pending");
    expect(presetQueryOf(new URLSearchParams("b=2&a=1"))).toBe("a=1&b=2");
    expect(isCurrentPreset("status=pending&breached=1&page=4", "breached=1&status=pending")).toBe(true);
    expect(isCurrentPreset("status=pending", "breached=1&status=pending")).toBe(false);
  });

  it("counts the footer's window", () => {
    expect(pageWindow(1, 20, 0)).toEqual({ first: 0, last: 0, pages: 1 });
    expect(pageWindow(2, 20, 45)).toEqual({ first: 21, last: 40, pages: 3 });
    expect(pageWindow(3, 20, 45)).toEqual({ first: 41, last: 45, pages: 3 });
  });

  it("links the export with the view's filters and sort but not its page", () => {
    expect(exportHrefOf("/jobs", "status=pending&page=3&sort=-created_at")).toBe("/jobs/export?sort=-created_at&status=pending");
    expect(exportHrefOf("/invoicing/invoices/", "")).toBe("/invoicing/invoices/export");
  });
});
