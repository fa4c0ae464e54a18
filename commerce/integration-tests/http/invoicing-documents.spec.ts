import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { shopYear } from "@voltura/domain";
import { myInvoisDocumentSchema } from "@voltura/plugin-invoicing/domain/myinvois/schema";
import { createHmac } from "node:crypto";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { shareLinkKey, signShareToken } from "@voltura/plugin-invoicing/domain/share-link";
import { REPAIR_BILLING_MODULE, type RepairBillingModuleService } from "@voltura/plugin-repair/modules/repair-billing";
import { JWT_SECRET, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { b2bBuyer, createPosOrder, einvoiceProfile, quotationBody } from "./invoicing-helpers";

const outbox = mkdtempSync(path.join(tmpdir(), "voltura-it-outbox-"));
process.env.MAIL_OUTBOX_DIR = outbox;
delete process.env.SMTP_URL;

medusaIntegrationTestRunner({
  dbName: "voltura_it_invoicing_documents",
  testSuite: ({ api, getContainer }) => {
    let cashier: StaffHeaders;
    let manager: StaffHeaders;
    const year = shopYear(new Date());

    beforeEach(async () => {
      cashier = await newStaffHeaders(getContainer(), "cashier");
      manager = await newStaffHeaders(getContainer(), "manager");
    });

    it("numbers 20 concurrent quotations 1…20 without duplicates or gaps", async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => settle(api.post("/admin/invoicing/quotations", quotationBody(), cashier))));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
      const numbers = results.map((r) => r.data.quotation.quotation_number as string).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `QUO-${year}-${String(i + 1).padStart(6, "0")}`));
      const first = results[0]!.data.quotation;
      expect(first).toMatchObject({ status: "draft", subtotal_sen: 98000, discount_sen: 5000, sst_sen: 7440, total_sen: 100440 });
    });

    it("answers bad input with a 400 naming the field and stores nothing", async () => {
      const before = (await api.get("/admin/invoicing/quotations", cashier)).data.count;
      const bad = await settle(api.post("/admin/invoicing/quotations", quotationBody({ lines: [{ description: "x", quantity: 0, unit_price_sen: 100 }] }), cashier));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("lines.0.quantity");
      const tin = await settle(api.post("/admin/invoicing/quotations", quotationBody({ buyer: { ...b2bBuyer, tin: "12345" } }), cashier));
      expect(tin.status).toBe(400);
      expect(tin.data.message).toContain("buyer.tin");
      const discount = await settle(api.post("/admin/invoicing/quotations", quotationBody({ lines: [{ description: "x", quantity: 1, unit_price_sen: 100, discount_sen: 101 }] }), cashier));
      expect(discount.status).toBe(400);
      expect(discount.data.message).toContain("lines.0.discount_sen");
      expect((await api.get("/admin/invoicing/quotations", cashier)).data.count).toBe(before);
    });

    it("sends, edits only while open, converts once into an INV number from the shop's one series", async () => {
      const { quotation } = (await api.post("/admin/invoicing/quotations", quotationBody(), cashier)).data;
      const edited = await api.post(`/admin/invoicing/quotations/${quotation.id}`, { lines: [{ description: "Battery", quantity: 1, unit_price_sen: 12000 }] }, cashier);
      expect(edited.data.quotation).toMatchObject({ total_sen: 12960, sst_sen: 960 });
      const sent = await api.post(`/admin/invoicing/quotations/${quotation.id}/status`, { status: "sent" }, cashier);
      expect(sent.data.quotation.status).toBe("sent");
      expect(sent.data.quotation.sent_at).toBeTruthy();
      const illegal = await settle(api.post(`/admin/invoicing/quotations/${quotation.id}/status`, { status: "converted" }, cashier));
      expect(illegal.status).toBe(400);

      // The repair desk takes a number from the same counter first: invoices interleave in one series.
      const repairBilling = getContainer().resolve<{ allocateInvoiceSequence(series: string): Promise<number> }>("repairBilling");
      const taken = await repairBilling.allocateInvoiceSequence(`INV-${year}`);

      const [a, b] = await Promise.all([
        settle(api.post(`/admin/invoicing/quotations/${quotation.id}/convert`, {}, cashier)),
        settle(api.post(`/admin/invoicing/quotations/${quotation.id}/convert`, {}, cashier)),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([201, 409]);
      const won = a.status === 201 ? a : b;
      const lost = a.status === 201 ? b : a;
      expect(won.data.quotation).toMatchObject({ status: "converted", converted_invoice_id: won.data.invoice.id });
      expect(won.data.invoice).toMatchObject({
        invoice_number: `INV-${year}-${String(taken + 1).padStart(6, "0")}`, status: "unpaid", total_sen: 12960, balance_sen: 12960, quotation_id: quotation.id,
      });
      // The loser (held on the quotation's row lock until the winner committed) is refused before taking a number.
      expect(lost.data).toMatchObject({ type: "not_convertible", status: "converted", converted_invoice_id: won.data.invoice.id });
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      const counter = await pg.raw(`SELECT last_value FROM number_series WHERE id = ?`, [`INV-${year}`]);
      expect(counter.rows).toEqual([{ last_value: taken + 1 }]);
      const list = (await api.get(`/admin/invoicing/invoices?q=INV-${year}`, cashier)).data;
      expect(list.invoices.filter((i: { quotation_id: string }) => i.quotation_id === quotation.id)).toHaveLength(1);
      const locked = await settle(api.post(`/admin/invoicing/quotations/${quotation.id}`, { notes: "late" }, cashier));
      expect(locked.status).toBe(409);
    });

    it("takes partial payments to paid, refuses overpaying even when two payments race", async () => {
      const { invoice } = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data;
      expect(invoice).toMatchObject({ status: "unpaid", total_sen: 100440, balance_sen: 100440 });
      const first = await api.post(`/admin/invoicing/invoices/${invoice.id}/payments`, { method: "bank_transfer", amount_sen: 40440, reference: "FT1" }, cashier);
      expect(first.status).toBe(201);
      expect(first.data.invoice).toMatchObject({ status: "partially_paid", paid_sen: 40440, balance_sen: 60000 });
      const over = await settle(api.post(`/admin/invoicing/invoices/${invoice.id}/payments`, { method: "cash", amount_sen: 60001 }, cashier));
      expect(over.status).toBe(400);
      expect(over.data.message).toContain("amount_sen");
      const race = await Promise.all([
        settle(api.post(`/admin/invoicing/invoices/${invoice.id}/payments`, { method: "cash", amount_sen: 60000 }, cashier)),
        settle(api.post(`/admin/invoicing/invoices/${invoice.id}/payments`, { method: "card", amount_sen: 60000 }, cashier)),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual([201, 400]);
      const after = (await api.get(`/admin/invoicing/invoices/${invoice.id}`, cashier)).data.invoice;
      expect(after).toMatchObject({ status: "paid", paid_sen: 100440, balance_sen: 0 });
      expect(after.payments).toHaveLength(2);
    });

    it("exports a valid MyInvois document per B2B invoice and a consolidated month for B2C sales", async () => {
      const { invoice } = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data;
      const noProfile = await settle(api.get(`/admin/invoicing/invoices/${invoice.id}/myinvois`, manager));
      expect(noProfile.status).toBe(409);
      expect((await settle(api.post("/admin/invoicing/einvoice-profile", einvoiceProfile, cashier))).status).toBe(403);
      const badProfile = await settle(api.post("/admin/invoicing/einvoice-profile", { ...einvoiceProfile, msic_code: "951" }, manager));
      expect(badProfile.status).toBe(400);
      expect(badProfile.data.message).toContain("msic_code");
      expect((await api.post("/admin/invoicing/einvoice-profile", einvoiceProfile, manager)).data.profile.configured).toBe(true);

      const doc = (await api.get(`/admin/invoicing/invoices/${invoice.id}/myinvois`, manager)).data;
      expect(myInvoisDocumentSchema.safeParse(doc).success).toBe(true);
      expect(doc.Invoice[0].ID[0]._).toBe(invoice.invoice_number);
      expect(doc.Invoice[0].LegalMonetaryTotal[0].PayableAmount[0]._).toBe(1004.4);

      const walkIn = (await api.post("/admin/invoicing/invoices", quotationBody({ buyer: { name: "Walk-in customer" } }), cashier)).data.invoice;
      expect((await settle(api.get(`/admin/invoicing/invoices/${walkIn.id}/myinvois`, manager))).status).toBe(409);
      await createPosOrder(getContainer(), `RCP-${year}-000001`, 21.6);

      const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kuala_Lumpur", year: "numeric", month: "2-digit" }).format(new Date());
      const consolidated = (await api.get(`/admin/invoicing/myinvois/consolidated?month=${month}`, manager)).data;
      expect(myInvoisDocumentSchema.safeParse(consolidated).success).toBe(true);
      const party = consolidated.Invoice[0].AccountingCustomerParty[0].Party[0];
      expect(party.PartyIdentification[0].ID[0]._).toBe("EI00000000010");
      const refs = consolidated.Invoice[0].InvoiceLine.map((l: { Item: Array<{ Description: Array<{ _: string }> }> }) => l.Item[0]!.Description[0]!._);
      expect(refs).toContain(walkIn.invoice_number);
      expect(refs).toContain(`RCP-${year}-000001`);
      expect(refs).not.toContain(invoice.invoice_number);
      expect((await settle(api.get("/admin/invoicing/myinvois/consolidated?month=2026-13", manager))).status).toBe(400);
    });

    it("renders PDFs, shares a signed link for WhatsApp media, and emails to the outbox without SMTP", async () => {
      const { quotation } = (await api.post("/admin/invoicing/quotations", quotationBody(), cashier)).data;
      const pdf = await api.get(`/admin/invoicing/quotations/${quotation.id}/pdf`, { ...cashier, responseType: "arraybuffer" });
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe("%PDF-");

      const share = (await api.post(`/admin/invoicing/quotations/${quotation.id}/share`, {}, cashier)).data.share;
      expect(share).toMatchObject({ filename: `${quotation.quotation_number}.pdf`, phone: b2bBuyer.phone, mimetype: "application/pdf" });
      const open = await api.get(share.path, { responseType: "arraybuffer" });
      expect(open.headers["content-type"]).toBe("application/pdf");
      const tampered = await settle(api.get(`${share.path.slice(0, -3)}abc`));
      expect(tampered.status).toBe(404);

      const sent = (await api.post(`/admin/invoicing/quotations/${quotation.id}/send`, { channel: "email" }, cashier)).data;
      expect(sent).toMatchObject({ channel: "email", delivery: "outbox", to: b2bBuyer.email });
      expect(readdirSync(outbox).filter((f) => f.endsWith(".eml"))).toHaveLength(1);
      const listed = (await api.get("/admin/invoicing/mail-outbox", cashier)).data;
      expect(listed.smtp_configured).toBe(false);
      expect(listed.messages[0]).toMatchObject({ subject: expect.stringContaining(quotation.quotation_number), status: "not_sent" });
      const noEmail = (await api.post("/admin/invoicing/invoices", quotationBody({ buyer: { name: "No email" } }), cashier)).data.invoice;
      const refused = await settle(api.post(`/admin/invoicing/invoices/${noEmail.id}/send`, { channel: "email" }, cashier));
      expect(refused.status).toBe(400);
      expect(refused.data.message).toContain("to");
    });

    it("document links are revocable by managers, expire, and open only under their own key", async () => {
      const { quotation } = (await api.post("/admin/invoicing/quotations", quotationBody(), cashier)).data;
      const share = (await api.post(`/admin/invoicing/quotations/${quotation.id}/share`, {}, cashier)).data.share;
      // Seven days by default.
      const days = (Date.parse(share.expires_at) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);
      expect((await api.get(share.path, { responseType: "arraybuffer" })).status).toBe(200);
      const [link] = (await api.get(`/admin/invoicing/quotations/${quotation.id}/share`, cashier)).data.links;
      expect(link).toMatchObject({ document_kind: "quotation", document_id: quotation.id, active: true, revoked_at: null });

      // Signed with JWT_SECRET itself (the old scheme, or a forged link id): not a link of the shop.
      const payload = (data: object) => Buffer.from(JSON.stringify(data)).toString("base64url");
      const rawSigned = (p: string) => `/public/sales-documents/${p}.${createHmac("sha256", JWT_SECRET).update(p).digest("base64url")}`;
      const farFuture = Math.floor(Date.now() / 1000) + 86_400;
      expect((await settle(api.get(rawSigned(payload({ k: "quotation", i: quotation.id, e: farFuture }))))).status).toBe(404);
      expect((await settle(api.get(rawSigned(payload({ l: link.id, k: "quotation", i: quotation.id, e: farFuture }))))).status).toBe(404);

      // Past its expiry (the token's, or the row's), a link is gone.
      const key = shareLinkKey(JWT_SECRET);
      const expiredToken = signShareToken({ linkId: link.id, kind: "quotation", id: quotation.id, expiresAt: new Date(Date.now() - 60_000) }, key);
      const expired = await settle(api.get(`/public/sales-documents/${expiredToken}`));
      expect(expired.status).toBe(410);
      expect(expired.data.code).toBe("link_expired");
      const other = (await api.post(`/admin/invoicing/quotations/${quotation.id}/share`, {}, cashier)).data.share;
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      const otherId = (await api.get(`/admin/invoicing/quotations/${quotation.id}/share`, cashier)).data.links[0].id;
      await pg.raw(`UPDATE document_share_link SET expires_at = now() - interval '1 minute' WHERE id = ?`, [otherId]);
      expect((await settle(api.get(other.path))).status).toBe(410);

      // Revoking: managers only, audited; the link stops opening at once.
      expect((await settle(api.post(`/admin/invoicing/quotations/${quotation.id}/share/revoke`, {}, cashier))).status).toBe(403);
      const revoked = await api.post(`/admin/invoicing/quotations/${quotation.id}/share/revoke`, {}, manager);
      expect(revoked.data.revoked).toBe(2);
      expect(revoked.data.links.every((l: { active: boolean; revoked_at: string | null }) => !l.active && l.revoked_at)).toBe(true);
      const gone = await settle(api.get(share.path));
      expect(gone.status).toBe(410);
      expect(gone.data.code).toBe("link_revoked");
      const { rows } = await pg.raw(`SELECT * FROM audit_entry WHERE action = 'sales.share_links_revoked' AND entity_id = ?`, [quotation.id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actor_role: "manager", entity: "quotation" });
      expect(rows[0].metadata).toMatchObject({ number: quotation.quotation_number, revoked_ids: expect.arrayContaining([link.id, otherId]) });

      // A new link works again; an invoice's links revoke the same way.
      const fresh = (await api.post(`/admin/invoicing/quotations/${quotation.id}/share`, {}, cashier)).data.share;
      expect((await api.get(fresh.path, { responseType: "arraybuffer" })).status).toBe(200);
      const invoice = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data.invoice;
      const invoiceShare = (await api.post(`/admin/invoicing/invoices/${invoice.id}/share`, {}, cashier)).data.share;
      expect((await api.get(invoiceShare.path, { responseType: "arraybuffer" })).status).toBe(200);
      expect((await api.post(`/admin/invoicing/invoices/${invoice.id}/share/revoke`, {}, manager)).data.revoked).toBe(1);
      expect((await settle(api.get(invoiceShare.path))).status).toBe(410);
    });

    it("lists repair and direct invoices together, with a kind filter and the job of each repair invoice", async () => {
      const billing = getContainer().resolve<RepairBillingModuleService>(REPAIR_BILLING_MODULE);
      const repair = await billing.createRepairInvoices({
        repair_job_id: "rjob_list_1", invoice_number: `INV-${year}-900001`, subtotal_sen: 20000, sst_sen: 1600, total_sen: 21600, deposit_sen: 0,
        amount_due_sen: 21600, sst_rate_bp: 800, prices_include_tax: false, issued_at: new Date(), issued_by: "Tech",
      });
      const direct = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data.invoice;
      const both = (await api.get("/admin/invoicing/invoice-list", cashier)).data;
      expect(both.invoices.slice(0, 2)).toMatchObject([
        { kind: "direct", id: direct.id, buyer_name: b2bBuyer.name, status: "unpaid", balance_sen: direct.total_sen, repair_job_id: null },
        { kind: "repair", id: repair.id, invoice_number: `INV-${year}-900001`, total_sen: 21600, status: null, repair_job_id: "rjob_list_1" },
      ]);
      expect(both.count).toBeGreaterThanOrEqual(2);
      const repairs = (await api.get("/admin/invoicing/invoice-list?kind=repair", cashier)).data.invoices;
      expect(repairs.every((i: { kind: string }) => i.kind === "repair")).toBe(true);
      const unpaid = (await api.get("/admin/invoicing/invoice-list?status=unpaid&sort=-number", cashier)).data.invoices;
      expect(unpaid.map((i: { kind: string }) => i.kind)).not.toContain("repair");
      const byNumber = (await api.get(`/admin/invoicing/invoice-list?q=900001`, cashier)).data;
      expect(byNumber).toMatchObject({ count: 1, invoices: [{ id: repair.id }] });
      expect((await settle(api.get("/admin/invoicing/invoice-list?kind=other", cashier))).status).toBe(400);
    });

    it("keeps editable templates per document type; only managers change them", async () => {
      const templates = (await api.get("/admin/invoicing/templates", cashier)).data.templates;
      expect(templates.map((t: { type: string }) => t.type)).toEqual(["quotation", "invoice"]);
      const body = { header: "Authorised parts", footer: "Terima kasih", terms: "Valid 14 days", accent_colour: "#0f766e" };
      expect((await settle(api.post("/admin/invoicing/templates/quotation", body, cashier))).status).toBe(403);
      const saved = (await api.post("/admin/invoicing/templates/quotation", body, manager)).data.template;
      expect(saved).toMatchObject({ type: "quotation", ...body, has_logo: false });
      const bad = await settle(api.post("/admin/invoicing/templates/quotation", { ...body, accent_colour: "teal" }, manager));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("accent_colour");
      const logo = await settle(api.post("/admin/invoicing/templates/quotation", { ...body, logo_base64: Buffer.from("not an image").toString("base64") }, manager));
      expect(logo.status).toBe(400);
      expect((await api.get("/admin/invoicing/templates", cashier)).data.templates[0]).toMatchObject(body);
    });
  },
});
