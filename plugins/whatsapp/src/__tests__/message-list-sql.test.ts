import { describe, expect, it } from "vitest";
import { listWhatsAppMessagesQuerySchema } from "@voltura/contracts";
import { EXACT_COUNT_LIMIT, messageListStatements, plannedRows } from "../domain/message-list-sql";

describe("messageListStatements", () => {
  it("pages a chat newest first, one row more than asked, by offset without a cursor", () => {
    const { page, count } = messageListStatements({ phone: "+60123456789", limit: 50, offset: 100 }, "id");
    expect(page.sql).toContain("WHERE deleted_at IS NULL AND phone = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
    expect(page.bindings).toEqual(["+60123456789", 51, 100]);
    expect(count.sql).toContain(`ORDER BY created_at DESC, id DESC LIMIT ${EXACT_COUNT_LIMIT + 1}) capped`);
    expect(count.bindings).toEqual(["+60123456789"]);
  });
  it("with a cursor: the rows strictly before it, and the offset ignored", () => {
    const { page, count } = messageListStatements({ phone: "+60123456789", direction: "in", limit: 20, offset: 40, before: { at: "2026-11-01T00:00:01.000123Z", id: "wa_msg_1" } }, "id");
    expect(page.sql).toContain("phone = ? AND direction = ? AND (created_at, id) < (?::timestamptz, ?) ORDER BY");
    expect(page.bindings).toEqual(["+60123456789", "in", "2026-11-01T00:00:01.000123Z", "wa_msg_1", 21, 0]);
    // The count is the whole chat's, whatever page is shown.
    expect(count.bindings).toEqual(["+60123456789", "in"]);
  });
  it("reads the planner's estimate", () => {
    expect(plannedRows([{ "QUERY PLAN": [{ Plan: { "Plan Rows": 4981.6 } }] }])).toBe(4982);
    expect(plannedRows([])).toBe(0);
  });
});

describe("the before cursor", () => {
  it("splits a next_cursor into its microsecond time and id", () => {
    const q = listWhatsAppMessagesQuerySchema.parse({ before: "2026-11-01T00:00:01.000123Z,wa_msg_01ABC" });
    expect(q.before).toEqual({ at: "2026-11-01T00:00:01.000123Z", id: "wa_msg_01ABC" });
  });
  it.each(["yesterday", "2026-11-01T00:00:01Z", "2026-11-01,wa_msg_1", "2026-11-01T00:00:01Z,wa msg"])("refuses %s", (before) => {
    expect(listWhatsAppMessagesQuerySchema.safeParse({ before }).success).toBe(false);
  });
});
