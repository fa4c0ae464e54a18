import { ApplicationFailure } from "@temporalio/activity";
import { describe, expect, it } from "vitest";
import { CommerceError } from "@voltura/medusa-client";
import { sendFailure, templateFields } from "./whatsapp.js";

describe("sendFailure: what Temporal does with the gateway's answer", () => {
  it("turns 409 opted_out into the non-retryable OptedOut failure", () => {
    const failure = sendFailure(new CommerceError(409, "opted out", "opted_out", { code: "opted_out" }), "+60123456789");
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: "OptedOut", nonRetryable: true });
  });

  it.each([400, 403, 404])("makes %i final (retrying cannot change it)", (status) => {
    expect(sendFailure(new CommerceError(status, "no", "invalid_data"), "+60123456789")).toMatchObject({ type: "WhatsAppRefused", nonRetryable: true });
  });

  it.each([500, 503])("leaves %i retryable: the idempotency key makes a retry safe", (status) => {
    const err = new CommerceError(status, "down", "session_unavailable");
    expect(sendFailure(err, "+60123456789")).toBe(err);
  });

  it("leaves an unreachable commerce (a plain error) retryable", () => {
    const err = new Error("ECONNREFUSED");
    expect(sendFailure(err, "+60123456789")).toBe(err);
  });
});

describe("templateFields: what the send route gets beyond the text", () => {
  it("a campaign's Cloud API template goes as template", () => {
    const cloudTemplate = { name: "promo_dec", language: "ms", params: ["Aminah"] };
    expect(templateFields({ cloudTemplate })).toEqual({ template: cloudTemplate });
  });

  it("a purpose goes with its variables, else the message template's values", () => {
    expect(templateFields({ templatePurpose: "quote_sent", variables: { nama: "Ali" } })).toEqual({ template_purpose: "quote_sent", variables: { nama: "Ali" } });
    expect(templateFields({ templatePurpose: "pickup_day1", template: { kind: "pickup_reminder", values: { nama: "Siti" } } }))
      .toEqual({ template_purpose: "pickup_day1", variables: { nama: "Siti" } });
  });

  it("nothing for a plain send (older histories)", () => {
    expect(templateFields({})).toEqual({});
  });
});
