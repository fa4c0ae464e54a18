import { describe, expect, it } from "vitest";
import { TransportSendError } from "../errors.js";
import { graphErrorAnswer } from "../testing/fake-graph-payloads.js";
import { graphFailureOf, mapGraphError } from "./graph-errors.js";

describe("mapGraphError", () => {
  it.each([
    [131047, 400, "outside_window", false],
    [131056, 400, "pair_rate_limited", true],
    [130429, 429, "throughput_limited", true],
    [80007, 429, "throughput_limited", true],
    [131026, 400, "recipient_unavailable", false],
    [190, 401, "unauthorized", false],
    [131031, 400, "account_restricted", false],
    [368, 400, "account_restricted", false],
    [132000, 400, "template_rejected", false],
    [132001, 400, "template_rejected", false],
    [132005, 400, "template_rejected", false],
    [132007, 400, "template_rejected", false],
    [132012, 400, "template_rejected", false],
    [10, 403, "forbidden", false],
    [131009, 400, "rejected", false],
    [131000, 500, "rejected", true],
  ] as const)("Graph error %s (HTTP %s) is %s, retryable %s", (errorCode, httpStatus, code, retryable) => {
    const { body } = graphErrorAnswer({ code: errorCode, httpStatus });
    const error = mapGraphError(httpStatus, body);
    expect(error).toBeInstanceOf(TransportSendError);
    expect(error).toMatchObject({ code, retryable, errorCode, statusCode: httpStatus });
    expect(graphFailureOf(errorCode, httpStatus)).toEqual({ code, retryable });
  });

  it("131047 says that only an approved template may be sent outside the 24-hour window", () => {
    const error = mapGraphError(400, graphErrorAnswer({ code: 131047 }).body);
    expect(error.message).toMatch(/more than 24 hours/);
    expect(error.message).toMatch(/approved template/);
    expect(error.errorTitle).toBe("Re-engagement message");
  });

  it("keeps Meta's title without its (#code) prefix, and the details in the message", () => {
    const error = mapGraphError(400, {
      error: { message: "(#131026) Message Undeliverable", code: 131026, error_data: { details: "Receiver is incapable of receiving this message" } },
    });
    expect(error.errorTitle).toBe("Message Undeliverable");
    expect(error.message).toBe("WhatsApp refused the message (131026 Message Undeliverable): Receiver is incapable of receiving this message");
  });

  it("an unreadable body maps by HTTP status alone: a 5xx / 429 may be retried, a 4xx not", () => {
    expect(mapGraphError(502, "<html>Bad gateway</html>")).toMatchObject({ code: "rejected", retryable: true, statusCode: 502 });
    expect(mapGraphError(429, null)).toMatchObject({ code: "rejected", retryable: true });
    expect(mapGraphError(400, { unexpected: true })).toMatchObject({ code: "rejected", retryable: false, errorCode: undefined });
  });
});
