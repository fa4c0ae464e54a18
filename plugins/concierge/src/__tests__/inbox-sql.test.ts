import { describe, expect, it } from "vitest";
import { inboxStatements, INBOX_HANDOFFS_SHOWN } from "../api/admin/concierge/inbox/inbox-sql";

describe("inboxStatements", () => {
  it("lists chats by last activity, newest first, one row more than asked", () => {
    const { conversations } = inboxStatements({ limit: 50 });
    expect(conversations.sql).toContain("ORDER BY coalesce(last_message_at, created_at) DESC, id DESC LIMIT ?");
    expect(conversations.sql).not.toContain("< (?::timestamptz, ?)");
    expect(conversations.bindings).toEqual([51]);
  });
  it("continues strictly after the cursor", () => {
    const { conversations } = inboxStatements({ limit: 20, before: { at: "2026-11-01T04:00:00.123456Z", id: "conv_1" } });
    expect(conversations.sql).toContain("AND (coalesce(last_message_at, created_at), id) < (?::timestamptz, ?)");
    expect(conversations.bindings).toEqual(["2026-11-01T04:00:00.123456Z", "conv_1", 21]);
  });
  it("shows open and claimed handoffs, escalated first then oldest first", () => {
    const { handoffs } = inboxStatements({ limit: 50 });
    expect(handoffs.sql).toContain("status IN ('open', 'claimed')");
    expect(handoffs.sql).toContain(`ORDER BY (escalated_at IS NOT NULL) DESC, opened_at ASC, id ASC LIMIT ${INBOX_HANDOFFS_SHOWN}`);
  });
});
