import { describe, expect, it } from "vitest";
import { settlePayments } from "./payments.js";
import { balancePaymentChange, decideKeyedChange, fitRefundToPaid, keepOldest, planReturnLines, saleChangeGate } from "./sale-changes.js";

const now = new Date("2026-12-06T05:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("saleChangeGate", () => {
  it("opens a completed sale, holds a committed one, knows no other", () => {
    expect(saleChangeGate("completed")).toBe("open");
    expect(saleChangeGate("committed")).toBe("in_progress");
    expect(saleChangeGate("pending")).toBe("missing");
    expect(saleChangeGate(null)).toBe("missing");
  });
});

describe("decideKeyedChange", () => {
  it("proceeds with a new key", () => expect(decideKeyedChange(null, "h1")).toBe("proceed"));
  it("replays the same request", () => expect(decideKeyedChange({ request_hash: "h1" }, "h1")).toBe("replay"));
  it("refuses the key for another request", () => expect(decideKeyedChange({ request_hash: "h1" }, "h2")).toBe("reused"));
  it("replays a row recorded before requests were fingerprinted", () => expect(decideKeyedChange({ request_hash: null }, "h2")).toBe("replay"));
});

describe("keepOldest", () => {
  it("keeps the oldest record (id breaks a tie) and removes the others", () => {
    const { keep, remove } = keepOldest([
      { id: "t3", created_at: ago(10) }, { id: "t2", created_at: ago(50) }, { id: "t1", created_at: ago(50) },
    ]);
    expect(keep?.id).toBe("t1");
    expect(remove.map((r) => r.id)).toEqual(["t2", "t3"]);
  });
  it("keeps nothing of nothing", () => expect(keepOldest([])).toEqual({ keep: null, remove: [] }));
});

describe("balancePaymentChange", () => {
  it("a cash payment that settles the balance moves paid, balance, change and the rounded total", () => {
    // RM 11.49 due, RM 12.00 cash: rounded to 11.50, 50 sen change.
    const change = balancePaymentChange(1149, settlePayments(1149, [{ method: "cash", amount_sen: 1200 }]));
    expect(change).toEqual({ paid_sen: 1150, balance_due_sen: -1149, tendered_sen: 1200, change_sen: 50, cash_rounding_sen: 1, rounded_total_sen: 1 });
  });
  it("a part payment by card leaves the rest due and rounds nothing", () => {
    const change = balancePaymentChange(5000, settlePayments(5000, [{ method: "card", amount_sen: 100 }]));
    expect(change).toEqual({ paid_sen: 100, balance_due_sen: -100, tendered_sen: 100, change_sen: 0, cash_rounding_sen: 0, rounded_total_sen: 0 });
  });
});

describe("planReturnLines", () => {
  const lines = [
    { id: "l1", title: "Cable", quantity: 3, total_sen: 1000, returned_quantity: 1 },
    { id: "l2", title: "Case", quantity: 1, total_sen: 2700, returned_quantity: 0 },
  ];
  it("refunds each line's share and adds them up", () => {
    expect(planReturnLines(lines, [{ line_id: "l1", quantity: 1 }, { line_id: "l2", quantity: 1 }])).toEqual({
      ok: true, refund_sen: 334 + 2700,
      lines: [{ line_id: "l1", quantity: 1, refund_sen: 334, title: "Cable" }, { line_id: "l2", quantity: 1, refund_sen: 2700, title: "Case" }],
    });
  });
  it("counts a line named twice one after the other, so the shares add up to its total", () => {
    const plan = planReturnLines(lines, [{ line_id: "l1", quantity: 1 }, { line_id: "l1", quantity: 1 }]);
    expect(plan).toMatchObject({ ok: true, refund_sen: 1000 - 333 });
  });
  it("refuses a line that is not the sale's, naming it", () => {
    expect(planReturnLines(lines, [{ line_id: "l2", quantity: 1 }, { line_id: "nope", quantity: 1 }])).toEqual({ ok: false, code: "unknown_line", index: 1, field: "lines.1.line_id", available: 0 });
  });
  it("refuses more than is left, also across repeats of a line", () => {
    expect(planReturnLines(lines, [{ line_id: "l1", quantity: 3 }])).toEqual({ ok: false, code: "over_return", index: 0, field: "lines.0.quantity", available: 2 });
    expect(planReturnLines(lines, [{ line_id: "l1", quantity: 2 }, { line_id: "l1", quantity: 1 }])).toMatchObject({ ok: false, code: "over_return", index: 1, available: 0 });
  });
});

describe("fitRefundToPaid", () => {
  const line = (refund_sen: number) => ({ line_id: "l", refund_sen });
  it("leaves a refund within what is left alone", () => {
    expect(fitRefundToPaid([line(500), line(300)], 800)).toEqual({ ok: true, lines: [line(500), line(300)], refund_sen: 800 });
  });
  it("caps the last return of a cash sale rounded down at what was paid, taking the cut from the last lines", () => {
    expect(fitRefundToPaid([line(1000), line(1)], 999)).toEqual({ ok: true, lines: [line(999), line(0)], refund_sen: 999 });
    expect(fitRefundToPaid([line(2147)], 2145)).toEqual({ ok: true, lines: [line(2145)], refund_sen: 2145 });
  });
  it("still refuses more than the rounding over what is left", () => {
    expect(fitRefundToPaid([line(2147)], 2144)).toEqual({ ok: false });
    expect(fitRefundToPaid([line(100)], 0)).toEqual({ ok: false });
  });
});
