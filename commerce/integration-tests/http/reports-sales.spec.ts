import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { parse } from "csv-parse/sync";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { createPosOrder, quotationBody } from "./invoicing-helpers";

const shopDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

medusaIntegrationTestRunner({
  dbName: "voltura_it_reports_sales",
  testSuite: ({ api, getContainer }) => {
    let manager: StaffHeaders;
    let cashier: StaffHeaders;

    beforeAll(async () => {
      manager = await newStaffHeaders(getContainer(), "manager");
      cashier = await newStaffHeaders(getContainer(), "cashier");
      // Two counter sales either side of local midnight 1–2 Nov 2026 (16:00 UTC), one outside the range.
      await createPosOrder(getContainer(), "RCP-2026-000101", 20, new Date("2026-11-01T15:59:00Z"));
      await createPosOrder(getContainer(), "RCP-2026-000102", 35, new Date("2026-11-01T16:01:00Z"));
      await createPosOrder(getContainer(), "RCP-2026-000103", 99, new Date("2026-11-03T16:01:00Z"));
      await api.post("/admin/invoicing/invoices", quotationBody(), cashier);
    });

    it("reports the range in shop days: daily buckets split at local midnight, totals, best sellers", async () => {
      const { report } = (await api.get("/admin/reports?from=2026-11-01&to=2026-11-03&source=pos", manager)).data;
      expect(report.range).toMatchObject({ from: "2026-11-01", to: "2026-11-03", time_zone: "Asia/Kuala_Lumpur", sources: ["pos"] });
      expect(report.daily.map((d: { day: string; sales: number; revenue_sen: number }) => [d.day, d.sales, d.revenue_sen])).toEqual([
        ["2026-11-01", 1, 2000], ["2026-11-02", 1, 3500], ["2026-11-03", 0, 0],
      ]);
      expect(report.totals).toMatchObject({ sales: 2, revenue_sen: 5500, average_sale_sen: 2750 });
      expect(report.monthly).toEqual([{ month: "2026-11", sales: 2, revenue_sen: 5500, sst_sen: 0, average_sale_sen: 2750 }]);
      expect(report.best_sellers.items[0]).toMatchObject({ title: "USB-C charger", quantity: 2, revenue_sen: 5500 });
    });

    it("includes counter invoices with their lines, and filters by source", async () => {
      const today = shopDay(new Date());
      const all = (await api.get(`/admin/reports?from=${today}&to=${today}`, manager)).data.report;
      expect(all.totals.revenue_sen).toBeGreaterThanOrEqual(93000);
      expect(all.best_sellers.items.map((b: { title: string }) => b.title)).toContain("iPhone 13 screen (OEM)");
      expect(all.best_sellers.services.map((b: { title: string }) => b.title)).toContain("Screen replacement labour");
      const posOnly = (await api.get(`/admin/reports?from=${today}&to=${today}&source=pos`, manager)).data.report;
      expect(posOnly.best_sellers.items.map((b: { title: string }) => b.title)).not.toContain("iPhone 13 screen (OEM)");
    });

    it("exports CSV and PDF, refuses bad ranges with a 400 naming the field, and is for managers only", async () => {
      const csv = await api.get("/admin/reports/export?format=csv&section=daily&from=2026-11-01&to=2026-11-02&source=pos", manager);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(parse(csv.data)).toEqual([
        ["Day", "Sales", "Revenue (RM)", "SST (RM)", "Total (RM)", "POS (RM)", "Repairs (RM)", "Invoices (RM)"],
        ["2026-11-01", "1", "20.00", "0.00", "20.00", "20.00", "0.00", "0.00"],
        ["2026-11-02", "1", "35.00", "0.00", "35.00", "35.00", "0.00", "0.00"],
      ]);
      const pdf = await api.get("/admin/reports/export?format=pdf&from=2026-11-01&to=2026-11-02", { ...manager, responseType: "arraybuffer" });
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe("%PDF-");
      // Both exports are in the audit trail, as the manager, with what was taken out.
      const audited = (await api.get("/admin/audit?action=export.*", manager)).data.audit_entries as Array<{
        action: string; actor_role: string | null; metadata: { format?: string; rows?: number; filters?: { from?: string } } | null;
      }>;
      const reports = audited.filter((e) => e.action === "export.reports");
      expect(reports.map((e) => e.metadata?.format).sort()).toEqual(["csv", "pdf"]);
      expect(reports.every((e) => e.actor_role === "manager")).toBe(true);
      expect(reports.find((e) => e.metadata?.format === "csv")?.metadata).toMatchObject({ rows: 2, filters: { from: "2026-11-01" } });

      const reversed = await settle(api.get("/admin/reports?from=2026-11-03&to=2026-11-01", manager));
      expect(reversed.status).toBe(400);
      expect(reversed.data.message).toContain("before");
      const badDay = await settle(api.get("/admin/reports?from=2026-02-30", manager));
      expect(badDay.status).toBe(400);
      expect(badDay.data.message).toContain("from");
      const badSource = await settle(api.get("/admin/reports?source=pos,atm", manager));
      expect(badSource.status).toBe(400);
      expect(badSource.data.message).toContain("source");
      expect((await settle(api.get("/admin/reports", cashier))).status).toBe(403);
      expect((await settle(api.get("/admin/reports/export?format=csv", manager))).status).toBe(400);
    });
  },
});
