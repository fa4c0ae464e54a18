import { describe, expect, it } from "vitest";
import { createCrmCustomerBodySchema, listCrmCustomersQuerySchema, updateCrmCustomerBodySchema } from "../crm.js";

describe("CRM request schemas", () => {
  it("normalises tags and defaults the customer type", () => {
    expect(createCrmCustomerBodySchema.parse({ name: " Aisyah ", phone: "012-345 6789", tags: ["VIP", "vip"] })).toEqual({
      name: "Aisyah", phone: "012-345 6789", customer_type: "walk_in", tags: ["vip"],
    });
  });
  it("refuses an empty update and reads list filters", () => {
    expect(updateCrmCustomerBodySchema.safeParse({}).success).toBe(false);
    expect(updateCrmCustomerBodySchema.parse({ email: null })).toEqual({ email: null });
    const q = listCrmCustomersQuerySchema.parse({ tag: "VIP ", last_visit_after: "2026-11-01", limit: "10" });
    expect(q).toMatchObject({ tag: "vip", limit: 10, offset: 0, order: "-created_at" });
    expect(q.last_visit_after).toEqual(new Date("2026-11-01"));
  });
});
