import { describe, expect, it } from "vitest";
import { InvalidRecipientError } from "./errors.js";
import { e164ToJid, jidToE164, toE164 } from "./phone.js";

describe("toE164", () => {
  it.each([
    ["012-345 6789", "+60123456789"],
    ["+60 12-345 6789", "+60123456789"],
    ["60123456789", "+60123456789"],
    ["011-2345 6789", "+601123456789"],
    ["+65 9123 4567", "+6591234567"],
  ])("reads %s as %s", (input, expected) => {
    expect(toE164(input)).toBe(expected);
  });

  it.each(["", "abc", "012-345", "+60 99 999"])("rejects %j", (input) => {
    expect(toE164(input)).toBeNull();
  });
});

describe("JID ↔ E.164", () => {
  it("turns an E.164 number into a user JID", () => {
    expect(e164ToJid("+60123456789")).toBe("60123456789@s.whatsapp.net");
    expect(e164ToJid("+6591234567")).toBe("6591234567@s.whatsapp.net");
  });

  it.each(["0123456789", "+60 12-345 6789", "+6012", "60123456789", "+600000000000"])("refuses %j as a recipient", (input) => {
    expect(() => e164ToJid(input)).toThrow(InvalidRecipientError);
  });

  it.each([
    ["60123456789@s.whatsapp.net", "+60123456789"],
    ["60123456789:12@s.whatsapp.net", "+60123456789"],
    ["60123456789@c.us", "+60123456789"],
    ["6591234567@s.whatsapp.net", "+6591234567"],
  ])("reads %s as %s", (jid, expected) => {
    expect(jidToE164(jid)).toBe(expected);
  });

  it.each([
    "120363025246125486@g.us",
    "status@broadcast",
    "123456789012345@lid",
    "1234@newsletter",
    "60123@s.whatsapp.net",
    "not-a-jid",
    "",
    null,
    undefined,
  ])("gives null for %j", (jid) => {
    expect(jidToE164(jid)).toBeNull();
  });

  it("round-trips", () => {
    expect(jidToE164(e164ToJid("+601123456789"))).toBe("+601123456789");
  });
});
