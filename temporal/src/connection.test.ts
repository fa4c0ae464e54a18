import { describe, expect, it } from "vitest";
import { temporalUnreachableMessage } from "./connection.js";

describe("temporalUnreachableMessage", () => {
  it("says where it looked and what to do", () => {
    expect(temporalUnreachableMessage("127.0.0.1:7233")).toBe(
      "Temporal is not reachable at 127.0.0.1:7233 — run `npm run services`, or set TEMPORAL_ADDRESS",
    );
  });
});
