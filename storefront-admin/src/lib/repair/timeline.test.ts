import { describe, expect, it } from "vitest";
import { describeEvent, eventEntry, sortTimeline, statusEntry } from "./timeline";

describe("job timeline", () => {
  it("describes desk events in words", () => {
    expect(describeEvent("assigned", { from: null, to: { id: "u1", name: "Ravi Technician" } }).title).toBe("Assigned to Ravi Technician");
    expect(describeEvent("assigned", { from: { id: "u1", name: "Ravi" }, to: null }).title).toBe("Unassigned from Ravi");
    expect(describeEvent("priority", { from: "normal", to: "urgent" }).title).toBe("Priority Normal → Urgent");
    expect(describeEvent("diagnosis", { from: null, to: "Cracked OLED" })).toEqual({ title: "Diagnosis recorded", detail: "Cracked OLED" });
    expect(describeEvent("note", { text: "Customer called" })).toEqual({ title: "Note", detail: "Customer called" });
    expect(describeEvent("note", { field: "accessories", from: [], to: ["Charger", "Case"] })).toEqual({ title: "Accessories updated", detail: "Charger, Case" });
    expect(describeEvent("eta", { from: null, to: null }).title).toBe("Ready-by cleared");
  });

  it("merges status changes and events newest first", () => {
    const entries = sortTimeline([
      statusEntry({ id: "s1", from_status: null, to_status: "pending", note: "Job received", changed_at: "2026-11-24T01:00:00Z" }, "Siti"),
      eventEntry({ id: "e1", kind: "note", detail: { text: "Called" }, actor: "Ravi", at: "2026-11-24T03:00:00Z" }),
      statusEntry({ id: "s2", from_status: "pending", to_status: "in_progress", note: null, changed_at: "2026-11-24T02:00:00Z" }, "Ravi"),
    ]);
    expect(entries.map((e) => e.id)).toEqual(["e1", "s2", "s1"]);
    expect(entries[1]!.title).toBe("Pending → In Progress");
    expect(entries[2]!.title).toBe("Booked in as Pending");
  });
});
