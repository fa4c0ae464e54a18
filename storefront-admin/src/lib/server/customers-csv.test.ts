import type { CrmCustomerSummary } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import { customerCsvRows, customersCsv, customersCsvFilename } from "./customers-csv";

const aisyah: CrmCustomerSummary = {
  id: "cus_01AISYAH",
  name: "Aisyah Rahman",
  first_name: "Aisyah",
  last_name: "Rahman",
  email: "aisyah@example.my",
  phone: "+60123456789",
  customer_type: "walk_in",
  tags: ["vip", "prefers whatsapp"],
  last_visit_at: "2026-11-24T07:05:00.000Z",
  device_count: 2,
  job_count: 3,
  created_at: "2026-01-01T16:30:00.000Z",
};

describe("customers CSV", () => {
  it("has one row per customer, phone in Malaysian format and times in shop time", () => {
    const rows = customerCsvRows([aisyah]);
    expect(rows[0]).toEqual([
      "Aisyah Rahman", "012-345 6789", "+60123456789", "aisyah@example.my", "Walk-in", "vip; prefers whatsapp", 2, 3,
      "2026-11-24 15:05", "2026-01-02 00:30", "cus_01AISYAH",
    ]);
  });

  it("leaves empty cells for what a customer does not have", () => {
    const [row] = customerCsvRows([{ ...aisyah, phone: null, email: null, tags: [], last_visit_at: null, customer_type: "corporate" }]);
    expect(row?.slice(1, 6)).toEqual(["", "", "", "Corporate", ""]);
    expect(row?.[8]).toBe("");
  });

  it("keeps spreadsheet formulas typed into names from running, but leaves phone numbers alone", () => {
    const csv = customersCsv([{ ...aisyah, name: "=cmd|' /C calc'!A0", tags: ["@SUM(A1)"] }]);
    const row = csv.split("\r\n")[1] ?? "";
    expect(row.startsWith("'=cmd|' /C calc'!A0,")).toBe(true);
    expect(row).toContain(",'@SUM(A1),");
    expect(row).toContain(",+60123456789,");
  });

  it("writes RFC 4180 CSV with a byte order mark, CRLF and quotes where needed", () => {
    const csv = customersCsv([{ ...aisyah, name: "Syarikat Teknik Maju, Sdn Bhd", tags: ['say "hi"'] }]);
    expect(csv.startsWith("\uFEFFName,Phone,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(3); // header, row, final empty line
    expect(lines[1]).toBe(
      '"Syarikat Teknik Maju, Sdn Bhd",012-345 6789,+60123456789,aisyah@example.my,Walk-in,"say ""hi""",2,3,2026-11-24 15:05,2026-01-02 00:30,cus_01AISYAH',
    );
  });

  it("names the file after the shop's date", () => {
    expect(customersCsvFilename(new Date("2026-11-24T17:00:00Z"))).toBe("customers-2026-11-25.csv");
  });
});
