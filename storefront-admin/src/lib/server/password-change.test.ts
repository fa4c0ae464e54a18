import { describe, expect, it } from "vitest";
import { createPasswordChangeStore, passwordChangeGate, PASSWORD_PAGE } from "./password-change";
import type { Queryable } from "./db";

describe("the forced password change", () => {
  it("lets everything through when no change is required", () => {
    expect(passwordChangeGate("/(staff)/jobs", "GET", false)).toEqual({ kind: "allow" });
    expect(passwordChangeGate("/(staff)/pos/checkout", "POST", false)).toEqual({ kind: "allow" });
  });

  it.each([
    ["/(staff)", "GET"],
    ["/(staff)/jobs/[id]", "GET"],
    ["/(staff)/settings/staff", "HEAD"],
    [null, "GET"],
  ])("sends a page read of %s to the password page first", (routeId, method) => {
    expect(passwordChangeGate(routeId, method, true)).toEqual({ kind: "redirect", location: PASSWORD_PAGE });
  });

  it.each([
    ["/(staff)/pos/checkout", "POST"],
    ["/(staff)/settings/staff", "POST"],
    ["/preferences", "POST"],
    ["/(staff)/customers/export", "DELETE"],
  ])("refuses %s %s until the password is changed", (routeId, method) => {
    expect(passwordChangeGate(routeId, method, true)).toEqual({ kind: "refuse" });
  });

  it.each([
    ["/(staff)/account/password", "GET"],
    ["/(staff)/account/password", "POST"],
    ["/logout", "POST"],
    ["/health", "GET"],
    ["/login", "GET"],
    ["/track/[token]", "GET"],
  ])("keeps %s %s open: the password page, signing out and public pages", (routeId, method) => {
    expect(passwordChangeGate(routeId, method, true)).toEqual({ kind: "allow" });
  });

  it("stores the requirement per staff member, set once and cleared on change", async () => {
    const rows = new Set<string>();
    const db: Queryable = {
      query: async <R>(sql: string, params: unknown[] = []) => {
        const id = String(params[0]);
        // The store reads only how many rows came back.
        if (sql.startsWith("SELECT")) return { rows: rows.has(id) ? [{} as R] : [] };
        if (sql.startsWith("INSERT")) rows.add(id);
        if (sql.startsWith("DELETE")) rows.delete(id);
        return { rows: [] };
      },
    };
    const store = createPasswordChangeStore(db);
    expect(await store.isRequired("user_1")).toBe(false);
    await store.require("user_1");
    await store.require("user_1");
    expect(await store.isRequired("user_1")).toBe(true);
    expect(await store.isRequired("user_2")).toBe(false);
    await store.clear("user_1");
    expect(await store.isRequired("user_1")).toBe(false);
  });
});
