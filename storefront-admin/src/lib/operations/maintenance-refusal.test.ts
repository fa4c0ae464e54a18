import { CommerceError } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { commerceProblem } from "$lib/server/commerce";
import { maintenanceRefusalMessage } from "./format";

describe("a change refused during maintenance mode", () => {
  it("reads as paused changes, not as an unreachable server", () => {
    const refusal = new CommerceError(503, "The shop is in maintenance mode", "maintenance_mode", { type: "maintenance_mode", message: "…" });
    expect(commerceProblem(refusal)).toEqual({ status: 503, message: maintenanceRefusalMessage() });
  });

  it("keeps the unreachable-server message for other 503s", () => {
    expect(commerceProblem(new CommerceError(503, "down", "unavailable")).message).toMatch(/not reachable/);
  });
});
