import { CommerceError } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { commerceFieldErrors } from "./commerce-errors";
import {
  addTags,
  commerceErrorsFor,
  duplicateCustomerOf,
  parseDeviceForm,
  parseNewCustomerForm,
  parseNoteForm,
  parseProfileForm,
  removeTag,
  splitTags,
} from "./customer-forms";

describe("new customer form", () => {
  const valid = { name: " Aisyah Rahman ", phone: "012-345 6789", email: "", customer_type: "walk_in", tags: "VIP, prefers  WhatsApp," };

  it("builds the commerce body: phone in E.164, tags normalised, no empty email", () => {
    expect(parseNewCustomerForm(valid)).toEqual({
      ok: true,
      body: { name: "Aisyah Rahman", phone: "+60123456789", customer_type: "walk_in", tags: ["vip", "prefers whatsapp"] },
    });
  });

  it("names each field at fault", () => {
    const result = parseNewCustomerForm({ ...valid, name: "", phone: "12345", email: "not-an-email", customer_type: "friend" });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual(["customer_type", "email", "name", "phone"]);
    expect(!result.ok && result.errors.phone).toContain("012-345 6789");
  });

  it("reads the 409 answer naming the customer who has that phone", () => {
    const body = {
      type: "duplicate_customer",
      field: "phone",
      message: "Phone +60123456789 already belongs to Aisyah Rahman (cus_1)",
      existing_customer: { id: "cus_1", name: "Aisyah Rahman", phone: "+60123456789", email: null },
    };
    expect(duplicateCustomerOf(new CommerceError(409, body.message, body.type, body))?.existing_customer.id).toBe("cus_1");
    expect(duplicateCustomerOf(new CommerceError(409, "Conflict", "conflict", { type: "conflict" }))).toBeNull();
    expect(duplicateCustomerOf(new Error("boom"))).toBeNull();
  });
});

describe("tags", () => {
  it("adds typed tags after the existing ones, without duplicates", () => {
    expect(splitTags(" VIP ,, Corporate  Account ")).toEqual(["vip", "corporate account"]);
    expect(addTags(["vip"], "Loyal, vip")).toEqual({ ok: true, body: ["vip", "loyal"] });
  });

  it("refuses an empty or too long tag, and more than 20", () => {
    expect(addTags([], " , ")).toEqual({ ok: false, errors: { add: "Type the tag to add, e.g. vip" } });
    expect(addTags([], "x".repeat(41))).toMatchObject({ ok: false, errors: { add: expect.stringContaining("40") } });
    const twenty = Array.from({ length: 20 }, (_, i) => `tag ${i}`);
    expect(addTags(twenty, "one more")).toMatchObject({ ok: false, errors: { add: "At most 20 tags" } });
  });

  it("removes a tag however it was typed", () => {
    expect(removeTag(["vip", "loyal"], "  VIP ")).toEqual(["loyal"]);
  });
});

describe("profile, device and note forms", () => {
  it("clears the email when emptied", () => {
    expect(parseProfileForm({ name: "Aisyah", email: " ", customer_type: "corporate" })).toEqual({
      ok: true,
      body: { name: "Aisyah", email: null, customer_type: "corporate" },
    });
  });

  it("normalises the IMEI and drops empty optional fields", () => {
    expect(parseDeviceForm({ device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "35-209900-176148-1", colour: "" })).toEqual({
      ok: true,
      body: { device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "352099001761481", colour: null },
    });
    expect(parseDeviceForm({ device_type: "phone", brand: "Apple", model: "iPhone 13", imei_serial: "12", colour: "" })).toMatchObject({
      ok: false,
      errors: { imei_serial: expect.stringContaining("at least 4") },
    });
  });

  it("refuses an empty note", () => {
    expect(parseNoteForm("   ")).toEqual({ ok: false, errors: { body: "The note is empty" } });
    expect(parseNoteForm(" Prefers WhatsApp ")).toEqual({ ok: true, body: { body: "Prefers WhatsApp" } });
  });
});

describe("commerce 400 messages", () => {
  it("splits them per field and keeps the rest", () => {
    expect(commerceFieldErrors("Invalid request: phone: \"12\" is not a valid phone number; name is required; something else", (p) => (p === "phone" || p === "name" ? p : null))).toEqual({
      errors: { phone: "\"12\" is not a valid phone number", name: "This field is required" },
      rest: "something else",
    });
  });

  it("only reads 400 answers", () => {
    expect(commerceErrorsFor(new CommerceError(400, "Invalid request: tags.0: A tag cannot be blank"), ["tags"])).toEqual({ errors: { tags: "A tag cannot be blank" }, rest: null });
    expect(commerceErrorsFor(new CommerceError(500, "boom"), ["tags"])).toBeNull();
  });
});
