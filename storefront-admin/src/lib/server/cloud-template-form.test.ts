import { CommerceError } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { bindingBodyFrom, templateSubmitBody, templateSubmitCommerceErrors, templateSubmitErrors, templateSubmitValuesFrom } from "./cloud-template-form";

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

describe("the template submit form", () => {
  it("reads one example per {{n}} of the body and builds the body commerce takes", () => {
    const values = templateSubmitValuesFrom(formOf({ name: "quote_ready", language: "ms", category: "UTILITY", body_text: "Salam {{1}}, sebut harga {{2}} sedia.", "example.1": "Aina", "example.2": "VS-0001" }));
    expect(values.examples).toEqual(["Aina", "VS-0001"]);
    expect(templateSubmitErrors(values)).toEqual({});
    expect(templateSubmitBody(values)).toEqual({ name: "quote_ready", language: "ms", category: "UTILITY", body_text: "Salam {{1}}, sebut harga {{2}} sedia.", body_examples: ["Aina", "VS-0001"] });
  });

  it("names each wrong field", () => {
    const values = templateSubmitValuesFrom(formOf({ name: "Quote Ready", language: "malay", category: "PROMO", body_text: "Hi {{1}}", "example.1": "" }));
    expect(Object.keys(templateSubmitErrors(values)).sort()).toEqual(["category", "example.1", "language", "name"]);
    const gap = templateSubmitValuesFrom(formOf({ name: "a", language: "en", category: "UTILITY", body_text: "Hi {{2}}" }));
    expect(Object.keys(templateSubmitErrors(gap))).toContain("body_text");
  });

  it("puts commerce's 400 on the field, examples on their {{n}}", () => {
    const err = new CommerceError(400, "Invalid request: body_examples.1: each example needs a value; name: taken");
    expect(templateSubmitCommerceErrors(err)?.errors).toEqual({ "example.2": "Each example needs a value", name: "Taken" });
  });
});

describe("a binding row", () => {
  it("binds the chosen template with the variable of each placeholder, in order", () => {
    const form = formOf({ purpose: "pickup_day20", language: "ms", template: "pickup_reminder|ms", param_count: "2", "param.1": "nama", "param.2": "job_number" });
    expect(bindingBodyFrom(form, "wa_1")).toEqual({ purpose: "pickup_day20", session_id: "wa_1", language: "ms", template_name: "pickup_reminder", params: ["nama", "job_number"] });
  });

  it("removes the binding when no template is chosen, and refuses a row without purpose", () => {
    expect(bindingBodyFrom(formOf({ purpose: "quote_sent", language: "en", template: "" }), "wa_1")).toEqual({ purpose: "quote_sent", session_id: "wa_1", language: "en", template_name: null, params: [] });
    expect(bindingBodyFrom(formOf({ language: "en" }), "wa_1")).toBeNull();
  });
});
