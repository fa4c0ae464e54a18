import { describe, expect, it, vi } from "vitest";
import { type MessageTemplate } from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import { FakeCommerceClient } from "../__tests__/fake-commerce-client.js";
import { loadOverrides, overridesOf, templatedBody } from "./message-templates.js";

const pickup = (overridden: MessageTemplate["overridden"], ms: string): MessageTemplate => ({
  kind: "pickup_reminder",
  placeholders: ["nama", "model", "job_number", "shop_name"],
  delivery: "both",
  texts: { en: "Hi {nama}, ready at {shop_name}.", ms },
  defaults: { en: "Hi {nama}, ready at {shop_name}.", ms: "Salam {nama}." },
  overridden,
  sample: {},
  updated_at: null,
  updated_by: null,
});
const values = { nama: "Ali", model: "Galaxy A54", job_number: "VSH-2026-000001", shop_name: "Kedai Ali" };

describe("message templates at send time", () => {
  it("sends the workflow's body when the shop has not changed the kind", () => {
    const overrides = overridesOf([pickup({ en: false, ms: false }, "Salam {nama}.")]);
    expect(templatedBody("the body the workflow wrote", { kind: "pickup_reminder", values }, overrides)).toBe("the body the workflow wrote");
  });

  it("sends the shop's text, filled, when it has one (the other language keeps its default)", () => {
    const overrides = overridesOf([pickup({ en: false, ms: true }, "Hai {nama}, {model} dah siap!")]);
    const body = templatedBody("ignored", { kind: "pickup_reminder", values }, overrides);
    expect(body.split("\n\n")[0]).toBe("Hai Ali, Galaxy A54 dah siap!");
    expect(body.split("\n\n")[1]).toMatch(/^Hi Ali, your Galaxy A54 \(job VSH-2026-000001\) is ready for pickup at Kedai Ali/);
  });

  it("treats a refused read as no overrides and lets an unreachable commerce fail (retried)", async () => {
    const refusing = new FakeCommerceClient(vi.fn().mockRejectedValue(new CommerceError(404, "not found", "not_found")));
    await expect(loadOverrides(refusing)).resolves.toEqual({});
    const down = new FakeCommerceClient(vi.fn().mockRejectedValue(new CommerceError(503, "down", "unavailable")));
    await expect(loadOverrides(down)).rejects.toThrow("down");
  });
});
