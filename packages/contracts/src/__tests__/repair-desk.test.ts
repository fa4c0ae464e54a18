import { describe, expect, it } from "vitest";
import { publicTrackingAnswerSchema, updateRepairJobBodySchema } from "../repair-desk.js";
import { createRepairJobBodySchema, listRepairJobsQuerySchema } from "../repair-jobs.js";

const base = { customer: { name: "Aisyah", phone: "0123456789" }, device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Cracked screen" };

describe("createRepairJobBodySchema", () => {
  it("keeps old bodies valid and fills the new defaults", () => {
    const parsed = createRepairJobBodySchema.parse(base);
    expect(parsed).toMatchObject({ priority: "normal", accessories: [], deposit_sen: 0 });
    expect(parsed.imei_serial).toBeUndefined();
  });

  it("normalises the intake fields", () => {
    const parsed = createRepairJobBodySchema.parse({
      ...base, imei_serial: "35-209900-176148-1", colour: " Midnight ", accessories: ["charger", "Charger", "case"],
      condition_notes: "", deposit_sen: 5000, eta: "2026-11-26T18:00:00+08:00",
    });
    expect(parsed).toMatchObject({ imei_serial: "352099001761481", colour: "Midnight", accessories: ["charger", "case"], condition_notes: null, deposit_sen: 5000 });
  });

  it.each([
    [{ imei_serial: "490154203237519" }, "imei_serial"],
    [{ deposit_sen: -1 }, "deposit_sen"],
    [{ deposit_sen: 10.5 }, "deposit_sen"],
    [{ eta: "tomorrow" }, "eta"],
    [{ accessories: "charger" }, "accessories"],
  ])("refuses %j naming %s", (extra, field) => {
    const r = createRepairJobBodySchema.safeParse({ ...base, ...extra });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });
});

describe("updateRepairJobBodySchema", () => {
  it("needs at least one field and refuses unknown ones", () => {
    expect(updateRepairJobBodySchema.safeParse({}).success).toBe(false);
    expect(updateRepairJobBodySchema.safeParse({ status: "delivered" }).success).toBe(false);
  });
  it("lets a field be cleared with null or blank", () => {
    expect(updateRepairJobBodySchema.parse({ eta: null, diagnosis: "  " })).toEqual({ eta: null, diagnosis: null });
  });
});

describe("listRepairJobsQuerySchema", () => {
  it("reads the desk filters from a query string", () => {
    expect(listRepairJobsQuerySchema.parse({ mine: "true", breached: "0", priority: "urgent", device_type: "laptop", technician_id: "user_1" }))
      .toMatchObject({ mine: true, breached: false, priority: "urgent", device_type: "laptop", technician_id: "user_1" });
    expect(listRepairJobsQuerySchema.safeParse({ mine: "yes" }).success).toBe(false);
  });
});

describe("public tracking answer", () => {
  const tracking = {
    job_number: "VSH-2026-000001", status: "in_progress", status_label: "In Progress", eta: null,
    updated_at: "2026-11-24T01:00:00.000Z", brand: "Apple", model: "iPhone 13", customer_first_name: "Aisyah",
  };
  it("refuses an answer carrying anything more (a phone number, say)", () => {
    expect(publicTrackingAnswerSchema.safeParse({ tracking }).success).toBe(true);
    expect(publicTrackingAnswerSchema.safeParse({ tracking: { ...tracking, customer_phone: "+60123456789" } }).success).toBe(false);
  });
});
