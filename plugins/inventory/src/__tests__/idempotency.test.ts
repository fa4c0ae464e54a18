import { MedusaError } from "@medusajs/framework/utils";
import { describe, expect, it } from "vitest";
import { isUniqueViolation, replayOrRefuse, requestHash } from "../workflows/steps/idempotency";

describe("request hash", () => {
  it("is the same for the same request and differs when anything in it differs", () => {
    const body = { inventory_item_id: "iitem_a", reason: "damage", quantity: 2, note: null };
    expect(requestHash({ ...body })).toBe(requestHash(body));
    expect(requestHash({ ...body, quantity: 3 })).not.toBe(requestHash(body));
    expect(requestHash({ ...body, note: "cracked" })).not.toBe(requestHash(body));
  });
});

describe("a key that is already stored", () => {
  const hash = requestHash({ lines: [{ line_id: "pol_1", quantity: 2 }] });

  it("replays the stored result when the body is the same", () => {
    expect(replayOrRefuse({ id: "porc_1", request_hash: hash }, hash, () => "the first receipt")).toBe("the first receipt");
  });

  it("refuses another body with 409 idempotency_key_reused naming the field", () => {
    let refusal: unknown;
    try {
      replayOrRefuse({ id: "porc_1", request_hash: hash }, requestHash({ lines: [{ line_id: "pol_1", quantity: 3 }] }), () => "never");
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ type: MedusaError.Types.CONFLICT, details: { code: "idempotency_key_reused", field: "idempotency_key" } });
    expect((refusal as Error).message).toContain("idempotency_key");
  });
});

describe("unique violation of the key's index", () => {
  it("is told apart from other database errors", () => {
    const index = "IDX_stock_movement_idempotency_key_unique";
    expect(isUniqueViolation({ code: "23505", constraint: index }, index)).toBe(true);
    expect(isUniqueViolation({ code: "23505", constraint: "IDX_other" }, index)).toBe(false);
    expect(isUniqueViolation({ code: "40001", constraint: index }, index)).toBe(false);
    expect(isUniqueViolation(null, index)).toBe(false);
  });
});
