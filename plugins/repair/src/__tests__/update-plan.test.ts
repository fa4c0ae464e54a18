import { describe, expect, it } from "vitest";
import { DEFAULT_SHOP_SETTINGS } from "@voltura/domain";
import { planRepairJobUpdate } from "../workflows/steps/update-plan";

const job = {
  priority: "normal" as const,
  received_at: new Date("2026-11-24T01:00:00Z"),
  eta: new Date("2026-11-26T10:00:00Z"),
  diagnosis: null,
  technician_id: "user_t1",
  technician_name: "Ravi",
  accessories: ["charger"],
  condition_notes: "Scratched back",
};

describe("planRepairJobUpdate", () => {
  it("writes nothing when nothing changes (same values sent again)", () => {
    const plan = planRepairJobUpdate(job, { priority: "normal", eta: new Date("2026-11-26T10:00:00.000Z"), accessories: ["charger"], condition_notes: "Scratched back" }, DEFAULT_SHOP_SETTINGS);
    expect(plan).toEqual({ patch: {}, events: [] });
  });

  it("recomputes the SLA due time from received_at when the priority changes", () => {
    const plan = planRepairJobUpdate(job, { priority: "urgent" }, DEFAULT_SHOP_SETTINGS);
    expect(plan.patch).toEqual({ priority: "urgent", sla_due_at: new Date("2026-11-24T05:00:00Z") });
    expect(plan.events).toEqual([{ kind: "priority", detail: { from: "normal", to: "urgent", sla_due_at: "2026-11-24T05:00:00.000Z" } }]);
  });

  it("records an assignment with who it was and who it is", () => {
    const plan = planRepairJobUpdate(job, { technician: { id: "user_t2", name: "Mei" } }, DEFAULT_SHOP_SETTINGS);
    expect(plan.patch).toEqual({ technician_id: "user_t2", technician_name: "Mei" });
    expect(plan.events[0]).toEqual({ kind: "assigned", detail: { from: { id: "user_t1", name: "Ravi" }, to: { id: "user_t2", name: "Mei" } } });
    const unassign = planRepairJobUpdate(job, { technician: null }, DEFAULT_SHOP_SETTINGS);
    expect(unassign.patch).toEqual({ technician_id: null, technician_name: null });
  });

  it("records ETA, diagnosis, accessories, condition notes and a free note", () => {
    const plan = planRepairJobUpdate(
      job,
      { eta: null, diagnosis: "Board short near the charging IC", accessories: ["charger", "case"], condition_notes: null, note: "Customer will call back" },
      DEFAULT_SHOP_SETTINGS,
    );
    expect(plan.patch).toEqual({ eta: null, diagnosis: "Board short near the charging IC", accessories: ["charger", "case"], condition_notes: null });
    expect(plan.events.map((e) => e.kind)).toEqual(["eta", "diagnosis", "note", "note", "note"]);
    expect(plan.events[0]!.detail).toEqual({ from: "2026-11-26T10:00:00.000Z", to: null });
    expect(plan.events[2]!.detail).toEqual({ field: "accessories", from: ["charger"], to: ["charger", "case"] });
    expect(plan.events[4]!.detail).toEqual({ text: "Customer will call back" });
  });
});
