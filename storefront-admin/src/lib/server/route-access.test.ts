import { isHttpError, isRedirect } from "@sveltejs/kit";
import { ALL_STAFF, MANAGERS, REPAIR_DESK, STAFF_ROLES } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { forbiddenMessage, requireRole } from "./guard";
import { navFor } from "./nav";
import { accessRule, decideAccess, ROUTE_ACCESS, safeRedirectTarget } from "./route-access";
import type { SessionStaff } from "./session-store";

/** Every page or endpoint in src/routes, as a SvelteKit route id. */
const routeFiles = Object.keys(
  import.meta.glob(["/src/routes/**/+page.svelte", "/src/routes/**/+page.server.ts", "/src/routes/**/+server.ts"]),
);
const routeIds = [...new Set(routeFiles.map((f) => f.replace(/^\/src\/routes/, "").replace(/\/[^/]+$/, "") || "/"))];

describe("route → roles map", () => {
  it("lists every route in the app (deny by default means an unlisted page is refused)", () => {
    expect(routeIds.length).toBeGreaterThan(5);
    for (const id of routeIds) expect(ROUTE_ACCESS, `add ${id} to ROUTE_ACCESS`).toHaveProperty([id]);
  });

  it("has no entries for routes that no longer exist", () => {
    for (const id of Object.keys(ROUTE_ACCESS)) expect(routeIds, `${id} is listed but has no route file`).toContain(id);
  });

  it("makes only /login, /health, the first-run /setup, the customer's tracking and opt-out pages and Meta's webhook public", () => {
    const open = Object.entries(ROUTE_ACCESS).filter(([, rule]) => rule === "public").map(([id]) => id);
    expect(open.sort()).toEqual(["/health", "/login", "/optout/[token]", "/setup", "/track/[token]", "/webhooks/whatsapp/cloud"]);
  });

  it("lets anyone reach public routes, signed in or not", () => {
    expect(decideAccess("/login", null)).toEqual({ kind: "allow" });
    expect(decideAccess("/health", null)).toEqual({ kind: "allow" });
    expect(decideAccess("/login", "cashier")).toEqual({ kind: "allow" });
  });

  it("sends signed-out visitors of any staff route to sign in", () => {
    for (const id of routeIds.filter((r) => accessRule(r) !== "public")) {
      expect(decideAccess(id, null)).toEqual({ kind: "sign-in" });
    }
  });

  it("refuses an unknown route id to every role, even the owner", () => {
    for (const role of STAFF_ROLES) {
      expect(decideAccess("/(staff)/secret-reports", role)).toEqual({ kind: "forbidden", reason: "unlisted" });
    }
    expect(decideAccess("/(staff)/secret-reports", null)).toEqual({ kind: "sign-in" });
    expect(accessRule("toString")).toBeUndefined();
  });

  it("refuses unknown or service roles", () => {
    expect(decideAccess("/(staff)/jobs", "root")).toEqual({ kind: "forbidden", reason: "role" });
    expect(decideAccess("/(staff)/jobs", "system")).toEqual({ kind: "forbidden", reason: "role" });
  });

  it("keeps staff settings for owners and managers", () => {
    expect(decideAccess("/(staff)/settings/staff", "owner").kind).toBe("allow");
    expect(decideAccess("/(staff)/settings/staff", "manager").kind).toBe("allow");
    expect(decideAccess("/(staff)/settings/staff", "cashier")).toEqual({ kind: "forbidden", reason: "role" });
    expect(decideAccess("/(staff)/settings/staff", "technician")).toEqual({ kind: "forbidden", reason: "role" });
  });

  it("opens the repair desk to every staff role", () => {
    for (const role of STAFF_ROLES) {
      for (const id of [
        "/(staff)",
        "/(staff)/jobs",
        "/(staff)/jobs/new",
        "/(staff)/jobs/[id]",
        "/(staff)/jobs/board",
        "/(staff)/jobs/mine",
        "/(staff)/jobs/[id]/documents/[kind]",
      ]) {
        expect(decideAccess(id, role).kind).toBe("allow");
      }
    }
  });

  it("opens the tracking page to customers without signing in", () => {
    expect(decideAccess("/track/[token]", null)).toEqual({ kind: "allow" });
  });

  it("shows signed-in staff the 404 page for URLs that match no route", () => {
    expect(decideAccess(null, "cashier")).toEqual({ kind: "allow" });
    expect(decideAccess(null, null)).toEqual({ kind: "sign-in" });
  });
});

describe("navigation", () => {
  it("shows each role only what it may open", () => {
    expect(navFor("owner").map((i) => i.href)).toEqual(expect.arrayContaining(["/", "/jobs", "/jobs/new", "/jobs/board", "/jobs/mine", "/customers", "/settings/staff", "/settings/shop"]));
    expect(navFor("manager").map((i) => i.href)).toContain("/settings/staff");
    expect(navFor("cashier").map((i) => i.href)).toEqual(expect.arrayContaining(["/", "/jobs", "/jobs/new", "/jobs/board", "/jobs/mine", "/customers", "/pos", "/pos/sales"]));
    expect(navFor("cashier").map((i) => i.href)).not.toContain("/settings/staff");
    expect(navFor("technician").map((i) => i.href)).not.toContain("/pos");
    expect(navFor("technician").map((i) => i.href)).not.toContain("/settings/staff");
  });
});

describe("requireRole", () => {
  const staff = (role: SessionStaff["role"]): App.Locals => ({
    staff: { id: "u1", email: "a@b.my", name: "Aisyah", role },
    sessionId: "s1",
    commerce: {} as CommerceClient,
    denied: null,
  });
  const signedOut: App.Locals = { staff: null, sessionId: null, commerce: null, denied: null };

  function thrown(fn: () => unknown): unknown {
    try {
      fn();
    } catch (e) {
      return e;
    }
    throw new Error("expected a throw");
  }

  it("returns the staff member and commerce client when the role is allowed", () => {
    expect(requireRole(staff("manager"), MANAGERS).staff.name).toBe("Aisyah");
    expect(requireRole(staff("technician"), REPAIR_DESK).commerce).toBeDefined();
  });

  it("redirects signed-out requests to /login", () => {
    const e = thrown(() => requireRole(signedOut, ALL_STAFF));
    expect(isRedirect(e) && e.location).toBe("/login");
  });

  it("refuses other roles with a 403 naming their role", () => {
    const e = thrown(() => requireRole(staff("cashier"), MANAGERS));
    expect(isHttpError(e, 403) && e.body).toEqual({ message: forbiddenMessage(), role: "Cashier" });
  });

  it("refuses Clerk users who are not staff", () => {
    const e = thrown(() => requireRole({ ...signedOut, denied: "not-staff" }, ALL_STAFF));
    expect(isHttpError(e, 403) && e.body.message).toContain("not a staff member");
  });
});

describe("safeRedirectTarget", () => {
  it("follows same-site paths only", () => {
    expect(safeRedirectTarget("/jobs?status=pending")).toBe("/jobs?status=pending");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "jobs", null, 42, "/login", "/logout"]) {
      expect(safeRedirectTarget(bad)).toBe("/");
    }
  });
});
