import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { renderIntakeSlip, type IntakeSlipData } from "../index.js";
import { intakeSlip, terms, TRACKING_URL, WHATSAPP_URL } from "./fixtures.js";
import { decodeQrCodes, flat, keepPreview, pagePng, pdfPages, pdfPageText, pdfText } from "./pdf-tools.js";

const layouts = ["a5", "thermal80"] as const;
const rendered: Record<(typeof layouts)[number], Buffer> = { a5: Buffer.alloc(0), thermal80: Buffer.alloc(0) };

beforeAll(async () => {
  for (const layout of layouts) {
    rendered[layout] = await renderIntakeSlip(intakeSlip, { layout });
    keepPreview(`intake-slip-${layout}`, rendered[layout]);
  }
});

describe.each(layouts)("intake slip, %s", (layout) => {
  it("prints the shop, the job, the customer, the device and the money", () => {
    const text = pdfText(rendered[layout]);
    for (const expected of [
      "Voltura Demo Repair", "12 Jalan Tun Razak, 50400 Kuala Lumpur", "Tel 03-2141 1234", "WhatsApp 012-345 0000",
      "SST No. W10-2601-32000123", "REPAIR INTAKE SLIP", "Slip Penerimaan Baiki", "VSH-2026-000123",
      "5 Mar 2026, 3:05 pm", // 07:05 UTC in Kuala Lumpur
      "Nurul Aina binti Razak", "012-345 6789", "Phone / Telefon", "Samsung", "Galaxy S23 Ultra", "356789104512345",
      "Phantom Black", "Casing, SIM tray, Charger (USB-C)", "High / Tinggi", "RM 50.00", "7 Mar 2026, 6:00 pm",
      "Customer signature / Tandatangan pelanggan", "Aisyah",
      "Track your repair / Semak status", "WhatsApp us / Semak melalui WhatsApp",
    ]) expect(flat(text), expected).toContain(expected);
    expect(flat(text)).toContain(terms);
    expect(flat(text)).toContain("do not factory reset");
  });

  it("carries QR codes for the tracking page and the WhatsApp status message", () => {
    const codes = decodeQrCodes(pagePng(rendered[layout], 1, 150));
    expect(codes.sort()).toEqual([TRACKING_URL, WHATSAPP_URL].sort());
  });

  it("gives the same bytes for the same input", async () => {
    expect((await renderIntakeSlip(intakeSlip, { layout })).equals(rendered[layout])).toBe(true);
  });
});

describe("page sizes", () => {
  it("A5 is one 148 × 210 mm page", () => {
    expect(pdfPages(rendered.a5)).toEqual([{ width: 419.53, height: 595.28 }]);
  });

  it("thermal is 80 mm wide and as long as its content", async () => {
    const [page] = pdfPages(rendered.thermal80);
    expect(page!.width).toBe(226.77);
    const longer = await renderIntakeSlip({ ...intakeSlip, reported_issue: `${intakeSlip.reported_issue}\n`.repeat(6) }, { layout: "thermal80" });
    const [longPage] = pdfPages(longer);
    expect(pdfPages(longer)).toHaveLength(1);
    expect(longPage!.width).toBe(226.77);
    expect(longPage!.height).toBeGreaterThan(page!.height + 150);
  });
});

describe("long and unusual text", () => {
  it("flows a long A5 slip onto a second page under a running head", async () => {
    const issue = "Intermittent boot loop after the customer installed an update; ".repeat(30).trim();
    const pdf = await renderIntakeSlip({ ...intakeSlip, reported_issue: issue }, { layout: "a5" });
    const pages = pdfPages(pdf);
    expect(pages.length).toBe(2);
    expect(pdfPageText(pdf, 2)).toContain("(continued / sambungan)");
    expect(flat(pdfText(pdf))).toContain(issue);
    expect(decodeQrCodes(pagePng(pdf, 2)).sort()).toEqual([TRACKING_URL, WHATSAPP_URL].sort());
  });

  it("prints accented names, folding letters the font lacks", async () => {
    const pdf = await renderIntakeSlip({ ...intakeSlip, customer: { name: "Şükrü Çelik", phone: "+6591234567" }, accessories: [] }, { layout: "a5" });
    const text = pdfText(pdf);
    expect(text).toContain("Sükrü Çelik");
    expect(text).toContain("+65 9123 4567");
    expect(text).toContain("None / Tiada");
  });
});

describe("bad input", () => {
  const withField = (patch: Record<string, unknown>) => ({ ...intakeSlip, ...patch }) as IntakeSlipData;

  it("names a missing job number", async () => {
    const { job_number: _omitted, ...rest } = intakeSlip;
    const error = await renderIntakeSlip(rest as IntakeSlipData, { layout: "a5" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((i) => i.path)).toEqual([["job_number"]]);
  });

  it("names a negative deposit, a bad date and a phone that is not E.164", async () => {
    for (const [patch, path] of [
      [{ deposit_sen: -500 }, ["deposit_sen"]],
      [{ deposit_sen: 12.5 }, ["deposit_sen"]],
      [{ received_at: "yesterday" }, ["received_at"]],
      [{ customer: { name: "Ali", phone: "0123456789" } }, ["customer", "phone"]],
      [{ tracking_token: "short" }, ["tracking_token"]],
    ] as const) {
      const error = await renderIntakeSlip(withField(patch), { layout: "thermal80" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]!.path).toEqual(path);
    }
  });

  it("refuses an unknown layout", async () => {
    await expect(renderIntakeSlip(intakeSlip, { layout: "a4" as "a5" })).rejects.toThrow(/layout/);
  });
});
