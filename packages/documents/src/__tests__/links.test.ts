import { describe, expect, it } from "vitest";
import { trackingUrl, whatsappStatusLink } from "../index.js";

describe("trackingUrl", () => {
  it("joins the public URL and the token with one slash", () => {
    expect(trackingUrl("https://servis.voltura.my", "k7Qz2mW9xR4tB8nL")).toBe("https://servis.voltura.my/track/k7Qz2mW9xR4tB8nL");
    expect(trackingUrl("https://servis.voltura.my/", "abc_DEF-123")).toBe("https://servis.voltura.my/track/abc_DEF-123");
    expect(trackingUrl("http://localhost:5173", "tok12345")).toBe("http://localhost:5173/track/tok12345");
  });

  it("keeps a path prefix and escapes the token", () => {
    expect(trackingUrl("https://voltura.my/kedai/", "a b/c")).toBe("https://voltura.my/kedai/track/a%20b%2Fc");
  });

  it("refuses a URL that is not http(s)", () => {
    expect(() => trackingUrl("javascript:alert(1)", "tok")).toThrow(/http/);
    expect(() => trackingUrl("not a url", "tok")).toThrow();
  });
});

describe("whatsappStatusLink", () => {
  it("builds the wa.me link with the number without + and the text query-encoded", () => {
    expect(whatsappStatusLink("+60123450000", "VSH-2026-000123")).toBe("https://wa.me/60123450000?text=STATUS%20VSH-2026-000123");
  });

  it("accepts a number with spaces or dashes and encodes odd job numbers", () => {
    expect(whatsappStatusLink("+60 12-345 0000", " A&B #1 ")).toBe("https://wa.me/60123450000?text=STATUS%20A%26B%20%231");
  });

  it("refuses a number that is not E.164 and an empty job number", () => {
    expect(() => whatsappStatusLink("012-345 0000", "VSH-2026-000123")).toThrow(/E\.164/);
    expect(() => whatsappStatusLink("+60123450000", "  ")).toThrow(/empty/);
  });
});
