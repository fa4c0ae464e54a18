import { CommerceError } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { cloudErrorsFrom, cloudPatchOf, cloudValuesFrom, echoValues, missingCloudFields, secretsSet } from "./cloud-config-form";

const filled = { phone_number_id: "106540352242922", waba_id: "102290129340398", access_token: "EAAG-token", app_secret: "s3cret", verify_token: "kedai-verify-1" };

function formOf(values: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return form;
}

describe("the Cloud API number's form", () => {
  it("names every missing field of a new number", () => {
    const values = cloudValuesFrom(formOf({ phone_number_id: " 1065 ", waba_id: "" }));
    expect(values.phone_number_id).toBe("1065");
    expect(Object.keys(missingCloudFields(values)).sort()).toEqual(["access_token", "app_secret", "verify_token", "waba_id"]);
    expect(missingCloudFields(cloudValuesFrom(formOf(filled)))).toEqual({});
  });

  it("never sends the access token or app secret back to the page", () => {
    expect(echoValues(filled)).toEqual({ ...filled, access_token: "", app_secret: "" });
  });

  it("changes only what was typed on an edit", () => {
    expect(cloudPatchOf({ ...filled, access_token: "", app_secret: "", verify_token: "" })).toEqual({ phone_number_id: filled.phone_number_id, waba_id: filled.waba_id });
    expect(cloudPatchOf({ phone_number_id: "", waba_id: "", access_token: "new", app_secret: "", verify_token: "" })).toEqual({ access_token: "new" });
  });

  it("puts commerce's 400 next to each field", () => {
    const err = new CommerceError(400, "Invalid request: cloud.phone_number_id: phone_number_id is the number Meta shows in WhatsApp Manager (digits only); cloud.verify_token: verify_token has 8 to 128 characters; name is required; something else");
    expect(cloudErrorsFrom(err)).toEqual({
      errors: {
        phone_number_id: "Phone_number_id is the number Meta shows in WhatsApp Manager (digits only)",
        verify_token: "Verify_token has 8 to 128 characters",
        name: "This field is required",
      },
      rest: "something else",
    });
    expect(cloudErrorsFrom(new CommerceError(403, "Only the owner sets a Cloud API number's secrets"))).toBeNull();
  });

  it("shows secrets only as set or not set", () => {
    expect(secretsSet(null)).toEqual({ access_token: false, app_secret: false, verify_token: false });
    expect(secretsSet({ access_token_set: true, app_secret_set: false, verify_token_set: true })).toEqual({ access_token: true, app_secret: false, verify_token: true });
  });
});
