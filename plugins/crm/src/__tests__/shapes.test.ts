import { describe, expect, it } from "vitest";
import { ringgitAmount, toNotes, toPurchase, toRepairJobs, toSummary, type CustomerGraphRow } from "../api/admin/crm/shapes";

const row: CustomerGraphRow = {
  id: "cus_1", first_name: "Aisyah", last_name: "Rahman", email: null, phone: "+60123456789", created_at: new Date("2026-11-01T00:00:00Z"),
  customer_profile: {
    id: "cprof_1", customer_type: "corporate", tags: ["vip", 3, "repeat"], last_visit_at: new Date("2026-11-24T02:00:00Z"),
    notes: [
      { id: "n1", body: "old", author: "Siti", created_at: "2026-11-01T00:00:00Z" },
      { id: "n2", body: "new", author: "Ravi", created_at: "2026-11-20T00:00:00Z" },
    ],
  },
  devices: [{ id: "cdev_1", device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: null, colour: null, created_at: "2026-11-01T00:00:00Z", repair_jobs: [{ id: "rjob_2" }, null] }, null],
  repair_jobs: [
    { id: "rjob_1", job_number: "VSH-2026-000001", status: "delivered", device_type: "laptop", brand: "Lenovo", model: "X1", issue: "Fan", priority: "low", created_at: "2026-10-01T00:00:00Z" },
    { id: "rjob_2", job_number: "VSH-2026-000002", status: "pending", device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Screen", priority: "normal", created_at: "2026-11-24T02:00:00Z" },
  ],
};

describe("customer shapes", () => {
  it("summarises a customer with counts, tags and ISO dates", () => {
    expect(toSummary(row)).toEqual({
      id: "cus_1", name: "Aisyah Rahman", first_name: "Aisyah", last_name: "Rahman", email: null, phone: "+60123456789",
      customer_type: "corporate", tags: ["vip", "repeat"], last_visit_at: "2026-11-24T02:00:00.000Z",
      device_count: 1, job_count: 2, created_at: "2026-11-01T00:00:00.000Z",
    });
  });

  it("treats a customer without a profile as a walk-in without tags or visits", () => {
    expect(toSummary({ ...row, customer_profile: null, devices: null, repair_jobs: undefined, first_name: null, last_name: null })).toMatchObject({
      name: "+60123456789", customer_type: "walk_in", tags: [], last_visit_at: null, device_count: 0, job_count: 0,
    });
  });

  it("lists jobs newest first with the device each one is about", () => {
    expect(toRepairJobs(row).map((j) => [j.id, j.device_id])).toEqual([["rjob_2", "cdev_1"], ["rjob_1", null]]);
  });

  it("lists notes newest first", () => {
    expect(toNotes(row).map((n) => n.body)).toEqual(["new", "old"]);
  });

  it("turns Medusa's ringgit totals into sen", () => {
    expect(ringgitAmount({ numeric: 64.8 })).toBe(64.8);
    expect(toPurchase({ id: "order_1", display_id: 7, status: "pending", currency_code: "myr", total: 64.8, items: [{ id: "a" }, null], created_at: "2026-11-24T02:00:00Z" })).toEqual({
      id: "order_1", display_id: 7, status: "pending", currency_code: "myr", total_sen: 6480, item_count: 1, created_at: "2026-11-24T02:00:00.000Z",
    });
  });
});
