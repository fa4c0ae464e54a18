import { describe, expect, it } from "vitest";
import { checkCampaignMedia, mediaFileName } from "../domain/media-rules";
import { maskPhone, optOutLink, readOptOutToken, signOptOutToken } from "../domain/opt-out-token";
import { firstRunAt, nextRunAt } from "../domain/schedule";

describe("nextRunAt (shop time, UTC+8)", () => {
  const after = new Date("2027-01-06T03:00:00Z"); // Wednesday 11:00 in Kuala Lumpur
  it("an 'at' schedule fires at its time, then never", () => {
    expect(nextRunAt({ kind: "at", at: "2027-01-07T01:00:00Z" }, after)?.toISOString()).toBe("2027-01-07T01:00:00.000Z");
    expect(nextRunAt({ kind: "at", at: "2027-01-05T01:00:00Z" }, after)).toBeNull();
    expect(firstRunAt({ kind: "at", at: "2027-01-05T01:00:00Z" }, after)?.toISOString()).toBe("2027-01-05T01:00:00.000Z");
    expect(nextRunAt({ kind: "now" }, after)).toBeNull();
  });
  it("daily: today if the time is still ahead, else tomorrow", () => {
    expect(nextRunAt({ kind: "recurring", every: "day", at: "12:00" }, after)?.toISOString()).toBe("2027-01-06T04:00:00.000Z");
    expect(nextRunAt({ kind: "recurring", every: "day", at: "09:00" }, after)?.toISOString()).toBe("2027-01-07T01:00:00.000Z");
  });
  it("weekly on a weekday and monthly on a day, crossing the UTC date line", () => {
    expect(nextRunAt({ kind: "recurring", every: "week", at: "07:30", weekday: 1 }, after)?.toISOString()).toBe("2027-01-10T23:30:00.000Z");
    expect(nextRunAt({ kind: "recurring", every: "month", at: "10:00", day: 6 }, after)?.toISOString()).toBe("2027-02-06T02:00:00.000Z");
  });
});

describe("opt-out token", () => {
  const key = Buffer.from("a-test-key-of-enough-length");
  it("round-trips the phone and language and refuses anything altered", () => {
    const token = signOptOutToken("+60123456789", "en", key);
    expect(readOptOutToken(token, key)).toEqual({ phone: "+60123456789", language: "en" });
    const [payload, sig] = token.split(".");
    const other = Buffer.from("+60199999999:en").toString("base64url");
    expect(readOptOutToken(`${other}.${sig}`, key)).toBeNull();
    expect(readOptOutToken(`${payload}.${sig}x`, key)).toBeNull();
    expect(readOptOutToken(token, Buffer.from("another-key-of-enough-length"))).toBeNull();
    expect(readOptOutToken("", key)).toBeNull();
  });
  it("builds the console link from JWT_SECRET when there is no own secret, and masks the phone", () => {
    const link = optOutLink("+60123456789", "ms", { JWT_SECRET: "x".repeat(32), CONSOLE_URL: "https://shop.example/" });
    expect(link).toMatch(/^https:\/\/shop\.example\/optout\/[\w-]+\.[\w-]+$/);
    expect(() => optOutLink("+60123456789", "ms", {})).toThrow(/JWT_SECRET/);
    expect(maskPhone("+60123456789")).toBe("+60 12***6789");
  });
});

describe("campaign media", () => {
  const pdf = Buffer.from("%PDF-1.7\n...");
  it("knows the file by its bytes and applies WhatsApp's limits", () => {
    expect(checkCampaignMedia({ buffer: pdf, size: pdf.length, originalname: "promo.pdf" })).toEqual({ ok: true, mime: "application/pdf", kind: "document", ext: "pdf" });
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
    expect(checkCampaignMedia({ buffer: jpeg, size: 6 * 1048576, originalname: "big.jpg" })).toMatchObject({ ok: false, reason: expect.stringContaining("5 MB") });
    expect(checkCampaignMedia({ buffer: Buffer.from("MZ\x90\x00"), size: 4, originalname: "x.exe" })).toMatchObject({ ok: false });
    expect(mediaFileName("C:\\tmp\\Promo Raya!!.PDF", "pdf")).toBe("Promo Raya.pdf");
  });
});
