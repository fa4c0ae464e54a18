import { describe, expect, it } from "vitest";
import { fieldForCommerceMessage, parseJobForm, type JobFormValues } from "./job-form";

const valid: JobFormValues = {
  customer_name: "Aisyah Rahman",
  customer_phone: "012-345 6789",
  device_type: "phone",
  brand: "Apple",
  model: "iPhone 13",
  imei_serial: "",
  colour: "",
  accessories: [],
  accessories_other: "",
  condition_notes: "",
  issue: "Screen cracked",
  priority: "normal",
  deposit: "",
  eta: "",
  technician_id: "",
  idempotency_key: "intake-form-0001",
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
        imei_serial: null,
        colour: null,
        accessories: [],
        condition_notes: null,
        deposit_sen: 0,
        eta: null,
        technician_id: null,
        idempotency_key: "intake-form-0001",
      },
    });
  });

  it("reads the intake extras: IMEI, accessories, deposit in sen and the ETA in shop time", () => {
    const result = parseJobForm({
      ...valid,
      imei_serial: "49-015420-323751-8",
      colour: "Midnight",
      accessories: ["charger", "sim_tray"],
      accessories_other: "pouch",
      condition_notes: "Scratches on the back",
      deposit: "RM 50",
      eta: "2026-11-26T17:30",
    });
    expect(result.ok && result.body).toMatchObject({
      imei_serial: "490154203237518",
      colour: "Midnight",
      accessories: ["Charger", "SIM tray", "pouch"],
      condition_notes: "Scratches on the back",
      deposit_sen: 5000,
      eta: "2026-11-26T17:30:00+08:00",
    });
  });

  it.each(["012-345 6789", "0123456789", "+60 12-345 6789", "(012) 345-6789", "011-2345 6789"])("accepts %s", (phone) => {
    expect(parseJobForm({ ...valid, customer_phone: phone }).ok).toBe(true);
  });

  it("names each wrong field", () => {
    const result = parseJobForm({ ...valid, customer_phone: "12345", brand: " ", device_type: "toaster", issue: "x", deposit: "fifty" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors).sort()).toEqual(["brand", "customer_phone", "deposit", "device_type", "issue"]);
      expect(result.errors.customer_phone).toMatch(/012-345 6789/);
    }
  });

  it("refuses a 15-digit IMEI whose check digit is wrong, on the IMEI field", () => {
    const result = parseJobForm({ ...valid, imei_serial: "490154203237519" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.imei_serial).toMatch(/not a valid IMEI/);
  });

  it("maps commerce 400 messages to the field they name", () => {
    expect(fieldForCommerceMessage("customer.phone is not a valid phone number")).toBe("customer_phone");
    expect(fieldForCommerceMessage("customer.name is required")).toBe("customer_name");
    expect(fieldForCommerceMessage("Invalid device_type")).toBe("device_type");
    expect(fieldForCommerceMessage("imei_serial: not a valid IMEI")).toBe("imei_serial");
    expect(fieldForCommerceMessage("technician_id: not an active technician")).toBe("technician_id");
    expect(fieldForCommerceMessage("Something else")).toBeNull();
  });
});
