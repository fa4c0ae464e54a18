import { describe, expect, it } from "vitest";
import { fieldForCommerceMessage, parseJobForm } from "./job-form";

const valid = {
  customer_name: "Aisyah Rahman",
  customer_phone: "012-345 6789",
  device_type: "phone",
  brand: "Apple",
  model: "iPhone 13",
  issue: "Screen cracked",
  priority: "normal",
};

describe("new job form", () => {
  it("builds the commerce body with the phone in E.164", () => {
    expect(parseJobForm(valid)).toEqual({
      ok: true,
      body: {
        customer: { name: "Aisyah Rahman", phone: "+60123456789" },
        device_type: "phone",
        brand: "Apple",
        model: "iPhone 13",
        issue: "Screen cracked",
        priority: "normal",
      },
    });
  });

  it.each(["012-345 6789", "0123456789", "+60 12-345 6789", "(012) 345-6789", "011-2345 6789"])("accepts %s", (phone) => {
    expect(parseJobForm({ ...valid, customer_phone: phone }).ok).toBe(true);
  });

  it("names each wrong field", () => {
    const result = parseJobForm({ ...valid, customer_phone: "12345", brand: " ", device_type: "toaster", issue: "x" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(["brand", "customer_phone", "device_type", "issue"]);
      expect(result.errors.customer_phone).toMatch(/012-345 6789/);
    }
  });

  it("maps commerce 400 messages to the field they name", () => {
    expect(fieldForCommerceMessage("customer.phone is not a valid phone number")).toBe("customer_phone");
    expect(fieldForCommerceMessage("customer.name is required")).toBe("customer_name");
    expect(fieldForCommerceMessage("Invalid device_type")).toBe("device_type");
    expect(fieldForCommerceMessage("Something else")).toBeNull();
  });
});
