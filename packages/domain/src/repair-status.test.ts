import { describe, expect, it } from "vitest";
import { allowedNextStatuses, checkTransition, isTerminalStatus, LINE_EDITABLE_STATUSES, linesEditable, REPAIR_STATUSES } from "./repair-status.js";

describe("repair status transitions", () => {
  it("follows the main path Pending → In Progress → Completed → Delivered", () => {
    expect(checkTransition("pending", "in_progress")).toEqual({ ok: true });
    expect(checkTransition("in_progress", "completed")).toEqual({ ok: true });
    expect(checkTransition("completed", "delivered")).toEqual({ ok: true });
  });

  it("refuses a jump and names the allowed moves", () => {
    const r = checkTransition("pending", "delivered");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toContain("Pending");
      expect(r.reason).toContain("In Progress");
      expect(r.allowed).toContain("in_progress");
    }
  });

  it("treats delivered, cancelled and returned unrepaired as final", () => {
    for (const s of ["delivered", "cancelled", "returned_unrepaired"] as const) {
      expect(isTerminalStatus(s)).toBe(true);
      expect(checkTransition(s, "pending").ok).toBe(false);
    }
  });

  it("never allows a status to move to itself", () => {
    for (const s of REPAIR_STATUSES) expect(allowedNextStatuses(s)).not.toContain(s);
  });
});

describe("repair lines can change", () => {
  it("while the job is open, not from Completed on", () => {
    expect(LINE_EDITABLE_STATUSES).toEqual(["pending", "awaiting_approval", "awaiting_parts", "in_progress"]);
    expect(REPAIR_STATUSES.filter(linesEditable)).toEqual(LINE_EDITABLE_STATUSES);
    for (const status of ["completed", "delivered", "cancelled", "returned_unrepaired"] as const) expect(linesEditable(status)).toBe(false);
  });
});
