import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { newJob, seedBillingFixture, type BillingFixture } from "./repair-billing.fixtures";

/** The text of a PDF answer, through poppler's pdftotext. */
function pdfText(bytes: ArrayBuffer | Buffer): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), "doc-")), "doc.pdf");
  writeFileSync(file, Buffer.from(bytes as ArrayBuffer));
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

medusaIntegrationTestRunner({
  dbName: "voltura_it_documents",
  testSuite: ({ api, getContainer }) => {
    let fx: BillingFixture;
    let tech: StaffHeaders;
    let cashier: StaffHeaders;
    const pdf = (url: string, headers: object) => api.get(url, { ...headers, responseType: "arraybuffer" });

    beforeAll(async () => {
      fx = await seedBillingFixture(getContainer());
    });
    beforeEach(async () => {
      tech = await newStaffHeaders(getContainer(), "technician");
      cashier = await newStaffHeaders(getContainer(), "cashier");
    });

    it("prints the intake slip in A5 and 80 mm with the job, customer and both QR captions", async () => {
      const job = await newJob(api, tech);
      for (const layout of ["a5", "thermal80"]) {
        const res = await pdf(`/admin/repair-jobs/${job.id}/documents/slip?layout=${layout}`, tech);
        expect(res.headers["content-type"]).toContain("application/pdf");
        const text = pdfText(res.data);
        expect(text).toContain(job.job_number);
        expect(text).toMatch(/Track your repair/);
        expect(text).toMatch(/WhatsApp/);
      }
    });

    it("answers 404 for a quote with no lines and an invoice before completion, 400 for an unknown kind", async () => {
      const job = await newJob(api, tech);
      expect((await settle(api.get(`/admin/repair-jobs/${job.id}/documents/quote`, tech))).status).toBe(404);
      expect((await settle(api.get(`/admin/repair-jobs/${job.id}/documents/invoice`, tech))).status).toBe(404);
      expect((await settle(api.get(`/admin/repair-jobs/${job.id}/documents/receipt`, tech))).status).toBe(400);
      expect((await settle(api.get(`/admin/repair-jobs/${job.id}/documents/slip?layout=a4`, tech))).status).toBe(400);
    });

    it("prints the quote and, after completion, the invoice with its number and totals", async () => {
      const job = await newJob(api, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "oem" }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "labour", variant_id: fx.variants.labour }, tech);
      await api.post(`/admin/repair-jobs/${job.id}/quote/send`, {}, tech);
      const quote = pdfText((await pdf(`/admin/repair-jobs/${job.id}/documents/quote`, tech)).data);
      expect(quote).toContain(`${job.job_number}-Q1`);
      expect(quote).toMatch(/SETUJU/);

      await api.post(`/admin/repair-jobs/${job.id}/quote/decision`, { decision: "approve" }, cashier);
      await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      const billing = (await api.get(`/admin/repair-jobs/${job.id}/billing`, tech)).data.billing;
      const invoice = pdfText((await pdf(`/admin/repair-jobs/${job.id}/documents/invoice`, tech)).data);
      expect(invoice).toContain(billing.invoice.invoice_number);
      const total = (billing.invoice.total_sen / 100).toFixed(2);
      expect(invoice).toContain(total);
    });
  },
});
