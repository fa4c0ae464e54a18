import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookBody, verifyWebhookSignature } from "./webhook-signature.js";

const SECRET = "app-secret-of-the-shop";
const BODY = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [] }] });

describe("verifyWebhookSignature", () => {
  it("accepts Meta's signature of the exact raw body, as a string or a Buffer, in either hex case", () => {
    const header = `sha256=${createHmac("sha256", SECRET).update(BODY).digest("hex")}`;
    expect(signWebhookBody(BODY, SECRET)).toBe(header);
    expect(verifyWebhookSignature(BODY, header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(BODY), header, SECRET)).toBe(true);
    expect(verifyWebhookSignature(BODY, header.toUpperCase().replace("SHA256=", "sha256="), SECRET)).toBe(true);
  });

  it("refuses a missing or empty header, and an empty app secret", () => {
    expect(verifyWebhookSignature(BODY, undefined, SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, "", SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, signWebhookBody(BODY, ""), "")).toBe(false);
  });

  it("refuses a forged signature and malformed headers", () => {
    expect(verifyWebhookSignature(BODY, `sha256=${"0".repeat(64)}`, SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, `sha1=${createHmac("sha1", SECRET).update(BODY).digest("hex")}`, SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, signWebhookBody(BODY, SECRET).slice(0, -2), SECRET)).toBe(false);
    expect(verifyWebhookSignature(BODY, `${signWebhookBody(BODY, SECRET)}00`, SECRET)).toBe(false);
  });

  it("refuses a signature made with another app's secret", () => {
    expect(verifyWebhookSignature(BODY, signWebhookBody(BODY, "someone-elses-secret"), SECRET)).toBe(false);
  });

  it("refuses a replayed signature on a different body, and a re-serialised body", () => {
    const signature = signWebhookBody(BODY, SECRET);
    const tampered = BODY.replace('"1"', '"2"');
    expect(verifyWebhookSignature(tampered, signature, SECRET)).toBe(false);
    const reserialised = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(verifyWebhookSignature(reserialised, signature, SECRET)).toBe(false);
  });
});
