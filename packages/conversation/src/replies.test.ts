import { describe, expect, it } from "vitest";
import { formatRinggit, HANDOFF_TEXT, renderReply } from "./replies.js";

describe("HANDOFF_TEXT", () => {
  it("is exactly the agreed fallback", () => {
    expect(HANDOFF_TEXT).toBe("Tunggu sebentar, teknisi kami akan melayan anda");
  });

  it.each(["ms", "en", "mixed"] as const)("is the reply for unknown and human_request in %s", (language) => {
    expect(renderReply("unknown", language)).toBe(HANDOFF_TEXT);
    expect(renderReply("human_request", language)).toBe(HANDOFF_TEXT);
  });
});

describe("renderReply", () => {
  it("greets by name in BM and EN", () => {
    expect(renderReply("greeting", "ms", { customerName: "Aisyah" })).toBe(
      "Hai Aisyah! Selamat datang ke Voltura. Boleh kami bantu? Tanya status job, harga pembaikan atau waktu operasi.",
    );
    expect(renderReply("greeting", "en")).toBe(
      "Hi! Welcome to Voltura. How can we help? Ask about your job status, repair prices or opening hours.",
    );
  });

  it("answers mixed-language customers in both, BM first", () => {
    expect(renderReply("thanks", "mixed")).toBe(
      "Sama-sama! Terima kasih kerana memilih kami.\n\nYou're welcome! Thank you for choosing us.",
    );
  });

  it("gives a job's status, or asks for the job number", () => {
    const data = {
      jobNumber: "VSH-2026-000123",
      statusLabel: { ms: "Siap untuk diambil", en: "Ready for collection" },
      device: "iPhone 13",
      readyForPickup: true,
    };
    expect(renderReply("job_status", "ms", data)).toBe(
      "Status job VSH-2026-000123 (iPhone 13): Siap untuk diambil. Peranti anda sedia untuk diambil.",
    );
    expect(renderReply("job_status", "en", { ...data, readyForPickup: false, device: undefined })).toBe(
      "Job VSH-2026-000123 status: Ready for collection.",
    );
    expect(renderReply("job_status", "ms", {})).toContain("nombor job");
    expect(renderReply("job_status", "en", { jobNumber: "VSH-2026-000123" })).toContain("job number");
  });

  it("quotes a price range, or asks for the model", () => {
    expect(renderReply("price_enquiry", "ms", { device: "iPhone 13", repairType: "screen", priceFromSen: 35_000, priceToSen: 45_000 })).toBe(
      "Anggaran harga tukar skrin iPhone 13: RM 350 – RM 450. Harga muktamad selepas pemeriksaan di kedai.",
    );
    expect(renderReply("price_enquiry", "en", { device: "iPhone 11", repairType: "battery", priceFromSen: 18_950 })).toBe(
      "Estimated price for iPhone 11 battery replacement: RM 189.50. Final price after inspection in store.",
    );
    expect(renderReply("price_enquiry", "en", { device: "iPhone 11" })).toContain("device model and the problem");
  });

  it("tells opening hours, and whether an asked day is open", () => {
    const hours = { opens: "10:00", closes: "19:00", closedDays: ["sunday" as const] };
    expect(renderReply("opening_hours", "ms", hours)).toBe("Kami buka 10:00 – 19:00. Tutup pada hari Ahad.");
    expect(renderReply("opening_hours", "en", { opens: "10:00", closes: "19:00" })).toBe("We are open daily, 10:00 – 19:00.");
    expect(renderReply("opening_hours", "en", { ...hours, askedDay: "sunday" })).toBe("Sorry, we are closed on Sunday.");
    expect(renderReply("opening_hours", "ms", { ...hours, askedDay: "saturday" })).toBe("Ya, kami buka hari Sabtu, 10:00 – 19:00.");
  });

  it("confirms a quote decision", () => {
    expect(renderReply("quote_reply", "ms", { decision: "approve", jobNumber: "VSH-2026-000123" })).toBe(
      "Terima kasih! Kami akan teruskan pembaikan untuk job VSH-2026-000123 dan maklumkan bila siap.",
    );
    expect(renderReply("quote_reply", "en", { decision: "reject" })).toBe(
      "Noted, we will not go ahead with the repair. You can collect your device at the shop.",
    );
    expect(renderReply("quote_reply", "en", { decision: "approve", jobNumber: "VSH-2026-000123" })).toBe(
      "Thank you! We will go ahead with the repair (job VSH-2026-000123) and let you know when it is ready.",
    );
  });
});

describe("renderReply typing", () => {
  it("requires data only where a template needs it", () => {
    // @ts-expect-error opening hours need the hours
    expect(() => renderReply("opening_hours", "ms")).toThrow(/opens/);
    // @ts-expect-error a quote reply needs the decision
    expect(() => renderReply("quote_reply", "en")).toThrow(/decision/);
    expect(renderReply("job_status", "en")).toContain("job number");
  });
});

describe("formatRinggit", () => {
  it("drops .00 and keeps sen", () => {
    expect([formatRinggit(35_000), formatRinggit(18_950), formatRinggit(5)]).toEqual(["RM 350", "RM 189.50", "RM 0.05"]);
  });
});
