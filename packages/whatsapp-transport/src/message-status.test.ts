import { describe, expect, it } from "vitest";
import { messageStatuses, nextMessageStatus, type MessageStatus } from "./message-status.js";

describe("nextMessageStatus", () => {
  const table: Array<[MessageStatus, MessageStatus, MessageStatus | null]> = [
    ["pending", "sent", "sent"],
    ["pending", "delivered", "delivered"],
    ["pending", "read", "read"],
    ["sent", "delivered", "delivered"],
    ["sent", "read", "read"],
    ["delivered", "read", "read"],
    ["sent", "pending", null],
    ["delivered", "sent", null],
    ["delivered", "pending", null],
    ["read", "delivered", null],
    ["read", "sent", null],
    ["read", "pending", null],
    ["pending", "failed", "failed"],
    ["sent", "failed", "failed"],
    ["delivered", "failed", null],
    ["read", "failed", null],
    ["failed", "pending", null],
    ["failed", "sent", null],
    ["failed", "delivered", "delivered"],
    ["failed", "read", "read"],
  ];
  it.each(table)("%s + %s → %s", (current, incoming, expected) => {
    expect(nextMessageStatus(current, incoming)).toBe(expected);
  });

  it("never changes anything when the same status is reported again", () => {
    for (const s of messageStatuses) expect(nextMessageStatus(s, s)).toBeNull();
  });

  it("never moves a delivered or read message backwards, whatever arrives", () => {
    const rank = { pending: 0, sent: 1, delivered: 2, read: 3 } as const;
    for (const current of ["delivered", "read"] as const) {
      for (const incoming of messageStatuses) {
        const next = nextMessageStatus(current, incoming);
        if (next !== null) expect(rank[next as keyof typeof rank]).toBeGreaterThan(rank[current]);
      }
    }
  });
});
