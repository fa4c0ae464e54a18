import { describe, expect, it } from "vitest";
import { formatPurchaseOrderNumber, planReceipt, purchaseOrderAllows, purchaseOrderTotalSen, type PurchaseOrderAction, type PurchaseOrderStatus } from "../domain/purchase-order";

describe("purchase order transitions", () => {
  const table: Array<[PurchaseOrderStatus, PurchaseOrderAction, boolean]> = [
    ["draft", "edit", true], ["draft", "send", true], ["draft", "receive", false], ["draft", "cancel", true],
    ["sent", "edit", false], ["sent", "send", true], ["sent", "receive", true], ["sent", "cancel", true],
    ["partially_received", "edit", false], ["partially_received", "send", false], ["partially_received", "receive", true], ["partially_received", "cancel", false],
    ["received", "edit", false], ["received", "send", false], ["received", "receive", false], ["received", "cancel", false],
    ["cancelled", "edit", false], ["cancelled", "send", false], ["cancelled", "receive", false], ["cancelled", "cancel", false],
  ];
  it.each(table)("%s → %s allowed: %s", (status, action, allowed) => {
    expect(purchaseOrderAllows(status, action)).toBe(allowed);
  });
});

describe("receipt planning", () => {
  const lines = [
    { id: "pol_a", inventory_item_id: "iitem_a", quantity_ordered: 6, quantity_received: 0, unit_cost_sen: 17000 },
    { id: "pol_b", inventory_item_id: "iitem_b", quantity_ordered: 10, quantity_received: 4, unit_cost_sen: 500 },
  ];

  it("a partial delivery leaves the order partially received", () => {
    expect(planReceipt(lines, [{ line_id: "pol_a", quantity: 4 }])).toEqual({
      ok: true, status_after: "partially_received",
      lines: [{ line_id: "pol_a", inventory_item_id: "iitem_a", quantity: 4, unit_cost_sen: 17000, quantity_received_after: 4 }],
    });
  });

  it("the last outstanding units complete it", () => {
    const plan = planReceipt(lines, [{ line_id: "pol_a", quantity: 6 }, { line_id: "pol_b", quantity: 6 }]);
    expect(plan.ok && plan.status_after).toBe("received");
  });

  it("the same line twice in one delivery counts both", () => {
    const plan = planReceipt(lines, [{ line_id: "pol_a", quantity: 3 }, { line_id: "pol_a", quantity: 3 }, { line_id: "pol_b", quantity: 6 }]);
    expect(plan.ok && plan.lines.map((l) => l.quantity_received_after)).toEqual([3, 6, 10]);
    expect(plan.ok && plan.status_after).toBe("received");
  });

  it.each([
    [[], "lines"],
    [[{ line_id: "pol_x", quantity: 1 }], "lines.0.line_id"],
    [[{ line_id: "pol_a", quantity: 0 }], "lines.0.quantity"],
    [[{ line_id: "pol_a", quantity: 1.5 }], "lines.0.quantity"],
    [[{ line_id: "pol_b", quantity: 7 }], "lines.0.quantity"],
    [[{ line_id: "pol_a", quantity: 4 }, { line_id: "pol_a", quantity: 3 }], "lines.1.quantity"],
  ])("refuses %j naming %s", (request, field) => {
    const plan = planReceipt(lines, request);
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.field).toBe(field);
      expect(plan.message.startsWith(field)).toBe(true);
    }
  });

  it("totals and numbers", () => {
    expect(purchaseOrderTotalSen(lines)).toBe(6 * 17000 + 10 * 500);
    expect(formatPurchaseOrderNumber(2026, 42)).toBe("PO-2026-000042");
  });
});
