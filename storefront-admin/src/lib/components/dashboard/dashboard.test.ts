import { describe, expect, it } from "vitest";
import { activityHref, activityVerb } from "./activity";
import { bestDay, dashboardVersion, sparklinePoints } from "./view";

describe("dashboard versions", () => {
  it("gives owners and managers the shop, technicians the bench, cashiers the counter", () => {
    expect(dashboardVersion("owner")).toBe("shop");
    expect(dashboardVersion("manager")).toBe("shop");
    expect(dashboardVersion("technician")).toBe("bench");
    expect(dashboardVersion("cashier")).toBe("counter");
  });
});

describe("sparkline", () => {
  it("scales a series into the box, highest at the top, a flat line when nothing sold", () => {
    expect(sparklinePoints([0, 50, 100], 104, 24)).toBe("2,22 52,12 102,2");
    expect(sparklinePoints([0, 0], 10, 10)).toBe("2,8 8,8");
    expect(sparklinePoints([], 10, 10)).toBe("");
  });

  it("names the best day, none when nothing sold", () => {
    expect(bestDay([{ day: "a", revenue_sen: 5 }, { day: "b", revenue_sen: 9 }, { day: "c", revenue_sen: 9 }])).toEqual({ day: "b", revenue_sen: 9 });
    expect(bestDay([{ day: "a", revenue_sen: 0 }])).toBeNull();
  });
});

describe("activity rows", () => {
  it("links explicit and generic rows to their record's page", () => {
    expect(activityHref({ type: "job", entity: "repair_job", entity_id: "rjob_1" })).toBe("/jobs/rjob_1");
    expect(activityHref({ type: "job", entity: "repair_jobs", entity_id: "rjob_2" })).toBe("/jobs/rjob_2");
    expect(activityHref({ type: "sale", entity: "pos.sales", entity_id: "ps_1" })).toBe("/pos/sales/ps_1");
    expect(activityHref({ type: "customer", entity: "crm.customers", entity_id: "cus_1" })).toBe("/customers/cus_1");
    expect(activityHref({ type: "document", entity: "sales.quotations", entity_id: "quo_1" })).toBe("/invoicing/quotations/quo_1");
    expect(activityHref({ type: "document", entity: "sales_invoice", entity_id: "sinv 1" })).toBe("/invoicing/invoices/sinv%201");
    expect(activityHref({ type: "document", entity: "invoicing.invoices", entity_id: "sinv_2" })).toBe("/invoicing/invoices/sinv_2");
    expect(activityHref({ type: "job", entity: "repair_jobs", entity_id: null })).toBeNull();
    expect(activityHref({ type: "admin", entity: "staff", entity_id: "user_1" })).toBeNull();
  });

  it("says what happened from the action and the route", () => {
    expect(activityVerb({ action: "http.post", route: "/admin/repair-jobs" })).toBe("created");
    expect(activityVerb({ action: "http.post", route: "/admin/repair-jobs/:id/status" })).toBe("status");
    expect(activityVerb({ action: "http.post", route: "/admin/repair-jobs/:id/lines" })).toBe("changed");
    expect(activityVerb({ action: "http.delete", route: "/admin/repair-jobs/:id/lines/:line_id" })).toBe("removed");
    expect(activityVerb({ action: "auth.signin", route: null })).toBe("signed_in");
    expect(activityVerb({ action: "export.reports", route: null })).toBe("exported");
    expect(activityVerb({ action: "campaign.create", route: null })).toBe("created");
    expect(activityVerb({ action: "pos.refund", route: null })).toBe("other");
  });
});
