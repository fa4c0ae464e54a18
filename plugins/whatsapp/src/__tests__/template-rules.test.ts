import { describe, expect, it } from "vitest";
import {
  bindingParams, chooseBinding, OUTSIDE_WINDOW_MESSAGE, templateBodyOf, templateLogText, templateRefusal, templateStatusOf, type KnownTemplate,
} from "../domain/template-rules";

const approved: KnownTemplate = { name: "pickup_ready", language: "ms", status: "APPROVED", param_count: 2, body_text: "Hai {{1}}, {{2}} siap diambil." };

describe("template statuses and bodies from the account", () => {
  it.each([
    ["APPROVED", "APPROVED"], ["approved", "APPROVED"], ["PENDING", "PENDING"], ["IN_APPEAL", "PENDING"], ["REJECTED", "REJECTED"],
    ["PAUSED", "PAUSED"], ["DISABLED", "DISABLED"], ["LIMIT_EXCEEDED", "DISABLED"], ["PENDING_DELETION", "DISABLED"], ["ARCHIVED", "DISABLED"],
  ])("%s → %s", (meta, ours) => expect(templateStatusOf(meta)).toBe(ours));

  it("takes the BODY text and counts its parameters by the highest {{n}}", () => {
    expect(templateBodyOf([{ type: "HEADER", format: "TEXT", text: "Voltura {{1}}" }, { type: "BODY", text: "Hai {{1}}, {{2}} siap. {{1}}" }, { type: "FOOTER", text: "x" }]))
      .toEqual({ body_text: "Hai {{1}}, {{2}} siap. {{1}}", param_count: 2 });
    expect(templateBodyOf([{ type: "body", text: "Terima kasih" }])).toEqual({ body_text: "Terima kasih", param_count: 0 });
    expect(templateBodyOf([])).toEqual({ body_text: "", param_count: 0 });
    expect(templateBodyOf([null, "x", { type: "BODY", text: 42 }])).toEqual({ body_text: "", param_count: 0 });
  });
});

describe("whether a template can be sent", () => {
  const asked = { name: "pickup_ready", language: "ms" };

  it("an approved template with one value per parameter can", () => {
    expect(templateRefusal(asked, approved, ["Aisyah", "VSH-0001"])).toBeNull();
  });

  it("an unknown or unapproved template is refused naming template.name", () => {
    expect(templateRefusal(asked, null, [])).toMatchObject({ type: "template_not_approved", field: "template.name", message: expect.stringContaining("not a template of this WhatsApp number") });
    for (const status of ["PENDING", "REJECTED", "PAUSED", "DISABLED"] as const) {
      expect(templateRefusal(asked, { ...approved, status }, ["a", "b"])).toMatchObject({ type: "template_not_approved", field: "template.name", message: expect.stringContaining(status) });
    }
  });

  it("a wrong number of values is refused naming template.params", () => {
    expect(templateRefusal(asked, approved, ["Aisyah"])).toMatchObject({ type: "template_params", field: "template.params", message: "template.params: pickup_ready (ms) takes 2 parameters, 1 given" });
    expect(templateRefusal(asked, approved, ["a", "b", "c"])?.type).toBe("template_params");
  });
});

describe("bindings", () => {
  const bindings = [{ language: "en_US" }, { language: "zh_CN" }, { language: "ms" }];

  it("prefers the customer's language, else Malay, else the first in a stable order", () => {
    expect(chooseBinding(bindings, "en")?.language).toBe("en_US");
    expect(chooseBinding(bindings, "ms")?.language).toBe("ms");
    expect(chooseBinding(bindings, null)?.language).toBe("ms");
    expect(chooseBinding([{ language: "zh_CN" }, { language: "en" }], null)?.language).toBe("en");
    expect(chooseBinding([], "ms")).toBeNull();
  });

  it("fills the parameters from the sender's variables in the binding's order, or names the first missing", () => {
    expect(bindingParams(["nama", "job_number"], { job_number: "VSH-1", nama: "Aisyah", extra: "x" })).toEqual({ params: ["Aisyah", "VSH-1"] });
    expect(bindingParams(["nama", "job_number"], { nama: "Aisyah" })).toEqual({ missing: "job_number" });
    expect(bindingParams(["nama"], { nama: "  " })).toEqual({ missing: "nama" });
    expect(bindingParams([], {})).toEqual({ params: [] });
  });
});

describe("what the chat log shows for a template message", () => {
  it("the template as the customer reads it, else the caller's text, else the name and values", () => {
    const sent = { name: "pickup_ready", bodyParams: ["Aisyah", "VSH-0001"] };
    expect(templateLogText("ignored", sent, approved)).toBe("Hai Aisyah, VSH-0001 siap diambil.");
    expect(templateLogText("Hai Aisyah", sent, null)).toBe("Hai Aisyah");
    expect(templateLogText("", sent, null)).toBe("[pickup_ready] Aisyah · VSH-0001");
    expect(templateLogText("", { name: "hello", bodyParams: [] }, null)).toBe("[hello]");
  });

  it("the window refusal says only an approved template may be sent now", () => {
    expect(OUTSIDE_WINDOW_MESSAGE).toContain("approved template");
  });
});

describe("a template as the account lists it", () => {
  it("is stored with our status, its body and parameter count, and a reason only when rejected", async () => {
    const { templateFromAccount } = await import("../modules/whatsapp/templates/template-account");
    const listed = { name: "quote_ready", language: "ms", category: "utility", components: [{ type: "BODY", text: "Sebut harga {{1}}: RM{{2}}" }] };
    expect(templateFromAccount({ ...listed, status: "IN_APPEAL", rejectedReason: "INVALID_FORMAT" })).toEqual({
      name: "quote_ready", language: "ms", category: "UTILITY", status: "PENDING", components: listed.components,
      body_text: "Sebut harga {{1}}: RM{{2}}", param_count: 2, rejected_reason: null,
    });
    expect(templateFromAccount({ ...listed, status: "REJECTED", rejectedReason: "INVALID_FORMAT" })).toMatchObject({ status: "REJECTED", rejected_reason: "INVALID_FORMAT" });
    expect(templateFromAccount({ name: "hello", language: "en", category: "MARKETING", status: "APPROVED" })).toMatchObject({ body_text: "", param_count: 0, components: [] });
  });
});
