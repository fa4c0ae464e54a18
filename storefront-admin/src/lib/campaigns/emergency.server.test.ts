import type { EmergencyStopState } from "@voltura/contracts";
import type { z } from "zod";
import { testCommerceClient } from "$lib/server/test-doubles";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { emergencyStopState, forgetEmergencyStopState } from "./emergency.server";

const state = (stopped: boolean): EmergencyStopState => ({
  stopped,
  stopped_at: null,
  stopped_by: null,
  stopped_by_name: null,
  stop_reason: null,
  resumed_at: null,
  resumed_by: null,
  running_campaigns: 2,
});

function clientAnswering(...answers: (EmergencyStopState | Error)[]) {
  const client = testCommerceClient();
  const request = vi.spyOn(client, "request").mockImplementation(async <T>(_method: string, _path: string, schema: z.ZodType<T>): Promise<T> => {
    const next = answers.shift();
    if (next instanceof Error || next === undefined) throw next ?? new Error("no answer");
    return schema.parse({ emergency_stop: next });
  });
  return { client, request };
}

describe("the header's emergency-stop state", () => {
  beforeEach(() => forgetEmergencyStopState());

  it("asks commerce at most every few seconds, and again at once after a press here", async () => {
    const { client, request } = clientAnswering(state(false), state(true));
    expect((await emergencyStopState(client, 1_000))?.stopped).toBe(false);
    expect((await emergencyStopState(client, 2_500))?.stopped).toBe(false);
    expect(request).toHaveBeenCalledTimes(1);
    forgetEmergencyStopState();
    expect((await emergencyStopState(client, 2_600))?.stopped).toBe(true);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it("shows nothing (null) when commerce cannot say", async () => {
    const { client } = clientAnswering(new Error("down"));
    expect(await emergencyStopState(client, 10_000)).toBeNull();
  });
});
