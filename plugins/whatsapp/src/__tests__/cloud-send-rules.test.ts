import { describe, expect, it } from "vitest";
import { decideCloudSend, type SendFacts } from "../domain/cloud-send-rules";
import type { BindingCandidate, KnownTemplate } from "../domain/template-rules";

const now = new Date("2026-12-07T08:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const approved = (name: string, language: string, paramCount: number): KnownTemplate => ({ name, language, status: "APPROVED", param_count: paramCount, body_text: "" });
const facts = (over: Partial<SendFacts> = {}): SendFacts => ({ lastInboundAt: null, now, requestedTemplate: null, bindings: [], customerLanguage: null, ...over });
const binding = (language: string, template: KnownTemplate | null, params = ["nama", "job_number"]): BindingCandidate => ({ language, template_name: "pickup_ready", params, template });

describe("free text on a Cloud API number", () => {
  it("goes inside the 24-hour window", () => {
    expect(decideCloudSend({ hasContent: true }, facts({ lastInboundAt: hoursAgo(23) }))).toEqual({ kind: "free" });
  });

  it("is refused outside it, or when the customer never wrote, saying only an approved template may be sent now", () => {
    for (const last of [hoursAgo(24), hoursAgo(72), null]) {
      const decision = decideCloudSend({ hasContent: true }, facts({ lastInboundAt: last }));
      expect(decision).toEqual({ kind: "refuse", refusal: { type: "outside_service_window", field: "template", message: expect.stringContaining("only allows an approved template") } });
    }
  });
});

describe("an explicit template", () => {
  const template = { name: "pickup_ready", language: "ms", params: ["Aisyah", "VSH-1"] };

  it("is sent with its values when approved with that many parameters, window open or closed", () => {
    for (const last of [hoursAgo(1), null]) {
      expect(decideCloudSend({ hasContent: false, template }, facts({ lastInboundAt: last, requestedTemplate: approved("pickup_ready", "ms", 2) }))).toMatchObject({
        kind: "template", template: { name: "pickup_ready", language: "ms", bodyParams: ["Aisyah", "VSH-1"] },
      });
    }
  });

  it("is refused naming template.name when unknown or pending, and template.params for a wrong count", () => {
    expect(decideCloudSend({ hasContent: false, template }, facts())).toMatchObject({ kind: "refuse", refusal: { type: "template_not_approved", field: "template.name" } });
    const pending = { ...approved("pickup_ready", "ms", 2), status: "PENDING" as const };
    expect(decideCloudSend({ hasContent: false, template }, facts({ requestedTemplate: pending }))).toMatchObject({ refusal: { type: "template_not_approved" } });
    expect(decideCloudSend({ hasContent: false, template }, facts({ requestedTemplate: approved("pickup_ready", "ms", 3) }))).toMatchObject({ refusal: { type: "template_params", field: "template.params" } });
  });
});

describe("the purpose fallback", () => {
  const asked = { hasContent: true, template_purpose: "pickup_day1", variables: { nama: "Aisyah", job_number: "VSH-1" } };

  it("inside the window the text goes as it is", () => {
    expect(decideCloudSend(asked, facts({ lastInboundAt: hoursAgo(2), bindings: [binding("ms", approved("pickup_ready", "ms", 2))] }))).toEqual({ kind: "free" });
  });

  it("outside it the bound template in the customer's language, else Malay, is filled from the variables", () => {
    const bindings = [binding("ms", approved("pickup_ready", "ms", 2)), binding("en", approved("pickup_ready", "en", 2))];
    expect(decideCloudSend(asked, facts({ bindings, customerLanguage: "en" }))).toMatchObject({ kind: "template", template: { language: "en", bodyParams: ["Aisyah", "VSH-1"] } });
    expect(decideCloudSend(asked, facts({ bindings, customerLanguage: null }))).toMatchObject({ kind: "template", template: { language: "ms" } });
  });

  it("no binding, or a bound template that cannot be sent, leaves the window refusal with the reason", () => {
    expect(decideCloudSend(asked, facts())).toMatchObject({ refusal: { type: "outside_service_window", detail: expect.stringContaining("pickup_day1") } });
    const pending = { ...approved("pickup_ready", "ms", 2), status: "PENDING" as const };
    expect(decideCloudSend(asked, facts({ bindings: [binding("ms", pending)] }))).toMatchObject({ refusal: { type: "outside_service_window", detail: expect.stringContaining("PENDING") } });
    expect(decideCloudSend(asked, facts({ bindings: [binding("ms", null)] }))).toMatchObject({ refusal: { type: "outside_service_window" } });
  });

  it("a variable the binding needs and the sender left out is named", () => {
    const decision = decideCloudSend({ ...asked, variables: { nama: "Aisyah" } }, facts({ bindings: [binding("ms", approved("pickup_ready", "ms", 2))] }));
    expect(decision).toMatchObject({ refusal: { type: "template_params", field: "variables.job_number" } });
  });
});
