import { describe, expect, it } from "vitest";
import { respondToWorkflowError, billingConflict, billingInvalid } from "../workflows/steps/billing-errors";
import type { RepairLineRecord, RepairWarrantyRecord } from "../modules/repair-billing/types";
import { toApiLine, toApiWarranty } from "../workflows/steps/billing-serialise";

describe("toApiLine", () => {
  it("computes the amount and reads float hours back to 2 decimals", () => {
    const row = {
      id: "rline_1", repair_job_id: "rjob_1", kind: "labour", title: "Bench", sku: null, variant_id: null, product_id: null,
      inventory_item_id: null, grade: null, fee_type: null, quantity: 1, unit_price_sen: 0, hours: 0.33000001311302185, rate_sen: 6000,
      warranty_days: 30, taxable: true, waived: false, note: null, reservation_id: null, stock_location_id: null, consumed_at: null,
      created_by: "Ravi", created_at: new Date("2026-11-24T01:00:00Z"),
    } as RepairLineRecord;
    expect(toApiLine(row)).toMatchObject({ hours: 0.33, amount_sen: 1980, created_at: "2026-11-24T01:00:00.000Z", consumed_at: null });
    expect(toApiLine({ ...row, waived: true }).amount_sen).toBe(0);
  });
});

describe("toApiWarranty", () => {
  const row = {
    id: "rwty_1", repair_job_id: "rjob_1", job_number: "VSH-2026-000001", repair_line_id: "rline_1", title: "Screen", device: "Apple iPhone 13",
    customer_phone: "+60123456789", imei_serial: null, warranty_days: 30, starts_at: new Date("2026-11-01T00:00:00Z"),
    ends_at: new Date("2026-12-01T00:00:00Z"), void_reason: null, void_note: null, voided_at: null, voided_by: null,
    claims: [
      { id: "b", claim_job_id: "rjob_3", original_job_id: "rjob_1", issue: "again", note: null, created_by: "x", created_at: "2026-11-20T00:00:00Z" },
      { id: "a", claim_job_id: "rjob_2", original_job_id: "rjob_1", issue: "first", note: null, created_by: "x", created_at: "2026-11-10T00:00:00Z" },
    ],
  } as RepairWarrantyRecord;

  it("answers state and days left, claims oldest first", () => {
    const w = toApiWarranty(row, new Date("2026-11-21T00:00:00Z"));
    expect(w).toMatchObject({ state: "active", days_left: 10, ends_at: "2026-12-01T00:00:00.000Z" });
    expect(w.claims.map((c) => c.id)).toEqual(["a", "b"]);
  });
  it("is void once a void reason is recorded", () => {
    expect(toApiWarranty({ ...row, void_reason: "water_damage" }, new Date("2026-11-21T00:00:00Z")).state).toBe("void");
  });
});

describe("respondToWorkflowError", () => {
  function fakeRes() {
    const res = { code: 0, body: undefined as unknown, status(c: number) { res.code = c; return res; }, json(b: unknown) { res.body = b; return res; } };
    return res;
  }
  it("answers a conflict as 409 with its message and details", () => {
    const res = fakeRes();
    respondToWorkflowError(res as never, [{ error: billingConflict("insufficient_stock", "1 available", { available: 1 }) }]);
    expect(res.code).toBe(409);
    expect(res.body).toEqual({ type: "insufficient_stock", message: "1 available", available: 1 });
  });
  it("answers invalid data with details as 400", () => {
    const res = fakeRes();
    respondToWorkflowError(res as never, [{ error: billingInvalid("Invalid request: payments: short", { shortfall_sen: 5 }) }]);
    expect(res.code).toBe(400);
    expect(res.body).toMatchObject({ shortfall_sen: 5 });
  });
  it("rethrows anything else for Medusa's handler", () => {
    const boom = new Error("boom");
    expect(() => respondToWorkflowError(fakeRes() as never, [{ error: boom }])).toThrow("boom");
  });
});
