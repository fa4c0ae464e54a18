import { describe, expect, it } from "vitest";
import { decideKeyedWrite, requestHash } from "../domain/idempotency";

describe("requestHash", () => {
  const body = { buyer: { name: "Maju Jaya", tin: null }, lines: [{ description: "Charger", quantity: 2 }], due_days: 0, notes: null };

  it("is the same for the same request whatever the key order, and leaves the key itself out", () => {
    const reordered = { notes: null, due_days: 0, lines: [{ quantity: 2, description: "Charger" }], buyer: { tin: null, name: "Maju Jaya" } };
    expect(requestHash(reordered)).toBe(requestHash(body));
    expect(requestHash({ ...body, idempotency_key: "till-1-0001" })).toBe(requestHash(body));
  });

  it("differs when anything asked for differs, line order included", () => {
    expect(requestHash({ ...body, due_days: 30 })).not.toBe(requestHash(body));
    expect(requestHash({ ...body, lines: [{ description: "Charger", quantity: 3 }] })).not.toBe(requestHash(body));
    const two = [{ description: "A", quantity: 1 }, { description: "B", quantity: 1 }];
    expect(requestHash({ ...body, lines: two })).not.toBe(requestHash({ ...body, lines: [...two].reverse() }));
    expect(requestHash({ ...body, notes: "" })).not.toBe(requestHash(body));
  });

  it("treats an absent field like one never sent, but not like null", () => {
    expect(requestHash({ a: 1, b: undefined })).toBe(requestHash({ a: 1 }));
    expect(requestHash({ a: 1, b: null })).not.toBe(requestHash({ a: 1 }));
  });
});

describe("decideKeyedWrite", () => {
  it("writes when nothing is stored under the key", () => {
    expect(decideKeyedWrite(null, "h1")).toBe("write");
  });

  it("replays the stored result for the same request", () => {
    expect(decideKeyedWrite({ request_hash: "h1" }, "h1")).toBe("replay");
  });

  it("refuses the key for another request, and for a stored row without a hash", () => {
    expect(decideKeyedWrite({ request_hash: "h1" }, "h2")).toBe("reused");
    expect(decideKeyedWrite({ request_hash: null }, "h1")).toBe("reused");
  });
});
