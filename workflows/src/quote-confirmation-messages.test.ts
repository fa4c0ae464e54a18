import { describe, expect, it } from "vitest";
import type { QuoteForCustomer } from "./activities/repair-flows.js";
import {
  QUOTE_MESSAGE_MAX_LINES,
  quoteConfirmationMessage,
  quoteEscalationSummary,
  quoteMessage,
  quoteMessageKeys,
  quoteReminderMessage,
} from "./quote-confirmation-messages.js";

const quote: QuoteForCustomer = {
  jobNumber: "VSH-2026-000123",
  jobStatus: "awaiting_approval",
  quoteStatus: "sent",
  phone: "+60123456789",
  customerName: "Aminah binti Yusof",
  device: "Apple iPhone 13",
  totalSen: 32_400,
  lines: [
    { title: "Screen (OEM)", amountSen: 25_000 },
    { title: "Labour", amountSen: 5_000 },
  ],
  shopName: "Voltura Demo Repair",
};

describe("quoteMessage", () => {
  it("lists the lines and the total in BM then EN, and asks for SETUJU / TAK SETUJU", () => {
    const text = quoteMessage(quote, 1);
    expect(text).toMatch(/^Salam Aminah, ini sebut harga untuk Apple iPhone 13 anda \(kerja VSH-2026-000123\)/);
    expect(text).toContain("• Screen (OEM): RM");
    expect(text).toContain("250.00");
    expect(text).toMatch(/Jumlah: RM\s?324\.00/);
    expect(text).toContain("Balas SETUJU atau TAK SETUJU.");
    expect(text).toMatch(/Hi Aminah, here is the quote .* Total: RM\s?324\.00\./);
    expect(text.indexOf("Salam")).toBeLessThan(text.indexOf("Hi Aminah"));
  });

  it("marks a revised quote and shortens a long list", () => {
    const lines = Array.from({ length: QUOTE_MESSAGE_MAX_LINES + 2 }, (_, i) => ({ title: `Part ${i + 1}`, amountSen: 100 }));
    const text = quoteMessage({ ...quote, lines }, 3);
    expect(text).toContain("sebut harga (versi 3)");
    expect(text).toContain(`• Part ${QUOTE_MESSAGE_MAX_LINES}:`);
    expect(text).not.toContain(`• Part ${QUOTE_MESSAGE_MAX_LINES + 1}:`);
    expect(text).toContain("• +2 lagi / more");
  });
});

describe("follow-up texts", () => {
  it.each([
    ["approve", /diluluskan/, /is approved/],
    ["reject", /ditolak/, /is declined/],
  ] as const)("confirms %s in both languages", (decision, bm, en) => {
    const text = quoteConfirmationMessage(quote, decision);
    expect(text).toMatch(bm);
    expect(text).toMatch(en);
    expect(text).toContain("VSH-2026-000123");
  });

  it("reminds with the total and the job number", () => {
    const text = quoteReminderMessage(quote);
    expect(text).toMatch(/peringatan: sebut harga RM\s?324\.00/);
    expect(text).toContain("Reply SETUJU or TAK SETUJU");
  });

  it("summarises the escalation for the technician inbox", () => {
    expect(quoteEscalationSummary(quote, 2, 48)).toMatch(/^No reply to quote v2 \(RM\s?324\.00\) for Apple iPhone 13, job VSH-2026-000123, after 48 h/);
  });

  it("keys every send by job and version", () => {
    expect(quoteMessageKeys.quote("rj_1", 2)).toBe("quote:rj_1:v2");
    expect(quoteMessageKeys.reminder("rj_1", 2)).toBe("quote:rj_1:v2:reminder");
    expect(quoteMessageKeys.confirmation("rj_1", 2)).toBe("quote:rj_1:v2:confirmation");
  });
});
