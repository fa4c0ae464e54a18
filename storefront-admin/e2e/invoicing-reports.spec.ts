import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

test("a cashier writes a quotation, converts it to an invoice and records a partial payment; a manager sees it in the reports", async ({ page }) => {
  await signInAs(page, demo.cashier);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quotations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quotations" })).toBeVisible();
  await page.getByRole("link", { name: "New quotation" }).click();

  // A bad line is named on its field, nothing is saved.
  await page.getByLabel("Name or company").fill("Syarikat E2E Sdn Bhd");
  await page.getByLabel("Phone (WhatsApp)").fill("+60355550000");
  await page.getByLabel("TIN").fill("C10000000020");
  await page.getByLabel("Business registration no. (BRN)").fill("201901099999");
  await page.getByLabel("Description").first().fill("Samsung A54 screen");
  await page.getByLabel("Unit price (RM)").first().fill("abc");
  await page.getByRole("button", { name: "Save quotation" }).click();
  await expect(page.getByRole("alert")).toContainText("Quotation not saved");
  await expect(page.getByLabel("Unit price (RM)").first()).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Unit price (RM)").first().fill("300.00");
  await page.getByRole("button", { name: "Add line" }).click();
  await expect(page.getByLabel("Description").nth(1)).toBeFocused();
  await page.getByLabel("Description").nth(1).fill("Screen replacement labour");
  await page.getByLabel("Kind").nth(1).selectOption("service");
  await page.getByLabel("Unit price (RM)").nth(1).fill("80");
  await expect(page.getByTestId("editor-subtotal")).toHaveText("RM 380.00");
  await page.getByRole("button", { name: "Save quotation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /^Quotation QUO-\d{4}-\d{6}$/ })).toBeVisible();
  await expect(page.getByTestId("document-total")).toHaveText("RM 410.40"); // 380 + 8% SST
  // Sending by WhatsApp goes through the gateway with the PDF link; email lands in the outbox without SMTP.
  await page.getByRole("button", { name: "Send by WhatsApp" }).click();
  await expect(page.getByRole("status")).toContainText("Sent by WhatsApp to");
  await page.getByRole("button", { name: "Send by email" }).click();
  await expect(page.getByRole("alert")).toContainText("no email address");
  await page.getByLabel("To (phone or email)").fill("accounts@e2e.my");
  await page.getByRole("button", { name: "Send by email" }).click();
  await expect(page.getByRole("status")).toContainText("Not sent — SMTP not configured");
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByRole("status")).toContainText("follow-up reminders are scheduled");
  await page.getByRole("button", { name: "Customer accepted" }).click();
  await expect(page.locator("[data-status=accepted]")).toBeVisible();

  await page.getByRole("button", { name: "Convert to invoice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Invoice INV-\d{4}-\d{6}$/ })).toBeVisible();
  await expect(page.getByTestId("balance")).toHaveText("RM 410.40");

  // Overpaying is refused; a partial payment leaves the balance due.
  await page.getByLabel("Method").selectOption("bank_transfer");
  await page.getByLabel("Amount (RM)").fill("500");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("alert")).toContainText("balance");
  await page.getByLabel("Amount (RM)").fill("200.00");
  await page.getByLabel("Reference").fill("FT-E2E-1");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("status")).toContainText("Payment recorded.");
  await expect(page.getByTestId("balance")).toHaveText("RM 210.40");
  await expect(page.locator("[data-status=partially_paid]")).toBeVisible();
  await expect(page.getByRole("cell", { name: "FT-E2E-1" })).toBeVisible();

  // The PDF opens for printing.
  const pdf = await page.request.get(`${new URL(page.url()).pathname}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // Cashiers do not see reports.
  const forbidden = await page.goto("/reports");
  expect(forbidden?.status()).toBe(403);

  await page.context().clearCookies();
  await signInAs(page, demo.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await page.getByRole("checkbox", { name: "Counter sales" }).uncheck();
  await page.getByRole("checkbox", { name: "Repair invoices" }).uncheck();
  await page.getByRole("button", { name: "Show report" }).click();
  await expect(page).toHaveURL(/source=invoice/);
  await expect(page.getByRole("table", { name: "Best sellers" }).getByRole("cell", { name: "Samsung A54 screen" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Profit margins" }).getByRole("cell", { name: "Samsung A54 screen" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Revenue per day/ })).toBeVisible();
  const revenue = await page.getByTestId("total-revenue").textContent();
  expect(Number(revenue!.replace(/[^\d.]/g, ""))).toBeGreaterThanOrEqual(380);

  const csv = await page.request.get(`/reports/export?${new URL(page.url()).searchParams}&format=csv&section=best_sellers`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Samsung A54 screen");
});

test("a manager edits the document template and e-invoice details, and downloads an invoice's MyInvois JSON", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents & e-invoice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Documents & e-invoice" })).toBeVisible();

  const quotation = page.getByRole("form", { name: "quotation template" });
  await quotation.getByLabel("Header line").fill("Authorised Apple & Samsung parts");
  await quotation.getByRole("button", { name: "Save quotation template" }).click();
  await expect(quotation.getByRole("status")).toContainText("Template saved.");

  const profile = page.getByRole("form", { name: "MyInvois (e-invoice) details" });
  await profile.getByLabel("MSIC code").fill("9512");
  await profile.getByRole("button", { name: "Save e-invoice details" }).click();
  await expect(profile.getByLabel("MSIC code")).toHaveAttribute("aria-invalid", "true");
  await profile.getByLabel("MSIC code").fill("95120");
  await profile.getByRole("button", { name: "Save e-invoice details" }).click();
  await expect(profile.getByRole("status")).toContainText("E-invoice details saved.");
  await page.reload();
  await expect(page.getByRole("form", { name: "quotation template" }).getByLabel("Header line")).toHaveValue("Authorised Apple & Samsung parts");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
  await page.getByRole("row", { name: /Syarikat Maju Jaya/ }).first().getByRole("link").click();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "MyInvois JSON" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^INV-\d{4}-\d{6}-myinvois\.json$/);
  const json = JSON.parse(await (await import("node:fs/promises")).readFile((await file.path())!, "utf8"));
  expect(json._D).toBe("urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
  expect(json.Invoice[0].AccountingCustomerParty[0].Party[0].PartyIdentification[0].ID[0]._).toBe("C10000000020");

  // The Invoices page lists both kinds: a repair job's invoice opens its job.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
  await expect(page.getByRole("columnheader", { name: "Kind" })).toBeVisible();
  await page.getByLabel("Kind").selectOption("repair");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=repair/);
  const repairRow = page.getByTestId("invoice-row").first();
  await expect(repairRow).toContainText("Repair job");
  await expect(repairRow.getByRole("link")).toHaveAttribute("href", /^\/jobs\//);
  await expect(page.getByTestId("invoice-row").filter({ hasText: "Syarikat Maju Jaya" })).toHaveCount(0);
});
