import { describe, expect, it } from "vitest";
import { addRepairLineBodySchema, pickupBodySchema, warrantyLookupQuerySchema } from "../billing.js";

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[] }> } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.path.join("."));

describe("addRepairLineBodySchema", () => {
  it("accepts a part with defaults (quantity 1, taxable)", () => {
    expect(addRepairLineBodySchema.parse({ kind: "part", variant_id: "variant_1", grade: "oem" })).toMatchObject({ quantity: 1, taxable: true });
  });
  it("needs a grade for a part", () => expect(issues(addRepairLineBodySchema.safeParse({ kind: "part", variant_id: "v" }))).toEqual(["grade"]));
  it.each([
    [{ kind: "labour", title: "Bench", hours: 1.5, rate_sen: 6000 }, []],
    [{ kind: "labour", variant_id: "variant_svc" }, []],
    [{ kind: "labour", title: "Backup", unit_price_sen: 5000 }, []],
    [{ kind: "labour", title: "Bench", hours: 2 }, ["rate_sen"]],
    [{ kind: "labour", title: "Bench", rate_sen: 6000 }, ["hours"]],
    [{ kind: "labour", title: "Bench", hours: 1.333, rate_sen: 6000 }, ["hours"]],
    [{ kind: "labour", unit_price_sen: 5000 }, ["title"]],
    [{ kind: "labour", title: "Backup" }, ["unit_price_sen"]],
    [{ kind: "labour", variant_id: "v", hours: 1, rate_sen: 100 }, ["variant_id"]],
  ])("labour %j → issues at %j", (body, expected) => expect(issues(addRepairLineBodySchema.safeParse(body))).toEqual(expected));
  it("refuses fractional sen", () => expect(issues(addRepairLineBodySchema.safeParse({ kind: "fee", amount_sen: 10.5 }))).toEqual(["amount_sen"]));
  it("defaults a fee to the diagnostic fee", () => expect(addRepairLineBodySchema.parse({ kind: "fee" })).toMatchObject({ fee_type: "diagnostic" }));
});

describe("pickupBodySchema", () => {
  it("needs who collects, and positive whole-sen payments with a known method", () => {
    expect(issues(pickupBodySchema.safeParse({ payments: [] }))).toEqual(["collected_by"]);
    expect(issues(pickupBodySchema.safeParse({ collected_by: "A", payments: [{ method: "cheque", amount_sen: 0 }] }))).toEqual(["payments.0.method", "payments.0.amount_sen"]);
    expect(issues(pickupBodySchema.safeParse({ collected_by: "A", collected_by_ic_last4: "12a4" }))).toEqual(["collected_by_ic_last4"]);
  });
});

describe("warrantyLookupQuerySchema", () => {
  it("needs an IMEI or a phone", () => {
    expect(warrantyLookupQuerySchema.safeParse({}).success).toBe(false);
    expect(warrantyLookupQuerySchema.safeParse({ phone: "0123456789" }).success).toBe(true);
  });
});
