import { describe, expect, it } from "vitest";
import { TransportCapabilityError, TransportSendError } from "../errors.js";
import { baileysHarness } from "../testing/harnesses.js";
import { SimulatorTransport } from "./simulator-transport.js";
import { renderTemplate, templateParamCount } from "./templates.js";

describe("simulator templates", () => {
  it("counts placeholders by their highest index and renders a known template", () => {
    expect(templateParamCount("Hai {{1}}, {{ 2 }} dan {{2}}")).toBe(2);
    expect(templateParamCount("Tiada parameter")).toBe(0);
    const known = { name: "t", language: "ms", bodyText: "Hai {{1}}, job {{2}}" };
    expect(renderTemplate({ name: "t", language: "ms", bodyParams: ["Ali", "J-1"] }, known)).toBe("Hai Ali, job J-1");
    expect(renderTemplate({ name: "unknown", language: "ms", bodyParams: ["Ali"] }, undefined)).toBe("unknown: Ali");
  });

  it("refuses a parameter count that does not match as template_rejected (132000)", () => {
    const known = { name: "t", language: "ms", bodyText: "Hai {{1}}, job {{2}}" };
    expect(() => renderTemplate({ name: "t", language: "ms", bodyParams: ["Ali"] }, known)).toThrow(TransportSendError);
    expect(() => renderTemplate({ name: "t", language: "ms", bodyParams: ["Ali"] }, known)).toThrow(/takes 2 body parameters, got 1/);
  });

  it("sends a template as its text, keeps the template and correlation id on the record, and records read marks", async () => {
    const simulator = new SimulatorTransport();
    simulator.registerTemplate("pickup_day1", "ms", "Hai {{1}}, telefon sedia.");
    await simulator.connect();
    await simulator.sendTemplate("+60123456789", { name: "pickup_day1", language: "ms", bodyParams: ["Ali"] }, { idempotencyKey: "k", correlationId: "row-9" });
    expect(simulator.sentMessages()[0]).toMatchObject({ text: "Hai Ali, telefon sedia.", template: { name: "pickup_day1" }, correlationId: "row-9" });
    await simulator.markRead("+60123456789", "SIMIN1");
    expect(simulator.readMarksSent()).toEqual([expect.objectContaining({ from: "+60123456789", messageId: "SIMIN1" })]);
  });
});

describe("Baileys: templates and read marks", () => {
  it("sendTemplate rejects with TransportCapabilityError; markRead goes out as readMessages", async () => {
    const { transport, fake, dispose } = baileysHarness();
    await transport.connect();
    await expect(transport.sendTemplate("+60123456789", { name: "t", language: "ms", bodyParams: [] }, { idempotencyKey: "k" })).rejects.toBeInstanceOf(
      TransportCapabilityError,
    );
    await transport.markRead("+60123456789", "3EB0INBOUND1");
    expect(fake.latest().reads).toEqual([{ remoteJid: "60123456789@s.whatsapp.net", id: "3EB0INBOUND1", fromMe: false }]);
    await dispose!();
  });
});
