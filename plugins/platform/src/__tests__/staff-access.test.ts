import { describe, expect, it } from "vitest";
import { passwordProblems } from "@voltura/domain";
import { accountLockedAlertText } from "../modules/staff-guard/account-locked-alert";
import { generateTemporaryPassword } from "../domain/temporary-password";

describe("the owners' WhatsApp notice of a locked account", () => {
  it("names the account, the lock's end in shop time, how many tries and from where — never a password", () => {
    const text = accountLockedAlertText(
      { email: "siti@kedai.my", failures: 10, ip: "203.0.113.9", purpose: "signin", locked_until: "2026-12-06T04:15:00.000Z" },
      "Asia/Kuala_Lumpur",
    );
    expect(text).toBe(
      "Security notice: the staff account siti@kedai.my is locked until 12:15 after 10 wrong passwords (sign-in, from 203.0.113.9). If this was not your staff, check Settings → Staff; an owner can unlock it there.",
    );
    expect(accountLockedAlertText({ email: "m@kedai.my", failures: 10, ip: "10.0.0.2", purpose: "approval", locked_until: "2026-12-06T04:15:00.000Z" }))
      .toContain("manager approvals at the POS");
  });
});

describe("temporary passwords", () => {
  it("are four groups of four unambiguous characters, different each time, and pass the policy", () => {
    const made = Array.from({ length: 50 }, generateTemporaryPassword);
    for (const p of made) {
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}(-[a-km-zA-HJ-NP-Z2-9]{4}){3}$/);
      expect(p).not.toMatch(/[01lIoO]/);
      expect(passwordProblems(p)).toEqual([]);
    }
    expect(new Set(made).size).toBe(50);
  });
});
