import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { posApi } from "@voltura/medusa-client";
import { commerceAsOwner } from "./commerce-api";
import { demo, randomImei, signInAs } from "./helpers";

/**
 * The Ctrl+K palette over the one search: a job by IMEI, a customer by a phone typed in another
 * format, a product by barcode, each opened with the keyboard; a command; recent items; a
 * technician never sees counter receipts; axe on the open palette.
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const USB_C_CHARGER = "9555000200012";

const palette = (page: Page) => page.getByRole("dialog");
const input = (page: Page) => page.getByTestId("palette-input");

/** Ctrl+K (again, until the page has hydrated and listens). */
async function openWithKeyboard(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette(page)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(input(page)).toBeFocused();
}

/** Types the query, waits for the hit, moves to it with the arrow keys (the best hit starts highlighted) and opens it with Enter. */
async function findAndOpen(page: Page, query: string, hit: { kind: string; text: string }) {
  await input(page).fill(query);
  const found = palette(page).locator(`[data-testid="palette-hit"][data-kind="${hit.kind}"]`).filter({ hasText: hit.text }).first();
  await expect(found).toBeVisible();
  await expect(palette(page).locator("[data-selected]")).toHaveCount(1);
  for (let moves = 0; moves < 10 && (await found.getAttribute("data-selected")) === null; moves++) await page.keyboard.press("ArrowDown");
  await expect(found).toHaveAttribute("data-selected", /.*/);
  await page.keyboard.press("Enter");
  await expect(palette(page)).toBeHidden();
}

test("Ctrl+K finds a job by IMEI, a customer by phone, a product by barcode, runs a command and remembers recent items", async ({ page }) => {
  test.setTimeout(120_000);
  const commerce = commerceAsOwner();
  const imei = randomImei();
  // 012 and seven digits, typed as the shop writes it; searched later in the international format.
  const local = String(3_000_000 + Math.floor(Math.random() * 6_999_999));
  const phone = `012-${local.slice(0, 3)} ${local.slice(3)}`;
  const customer = await commerce.createCrmCustomer({ name: "Palette Pelanggan", phone });
  const job = await commerce.createRepairJob({
    customer: { name: "Palette Pelanggan", phone },
    device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Cracked screen", imei_serial: imei,
  });

  await signInAs(page, demo.owner);
  await openWithKeyboard(page);
  // Before typing: commands and the role's pages; Escape closes and gives focus back.
  await expect(palette(page).getByTestId("palette-command").filter({ hasText: "New job" }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(palette(page)).toBeHidden();

  await openWithKeyboard(page);
  await findAndOpen(page, imei, { kind: "job", text: job.job_number });
  await expect(page).toHaveURL(`/jobs/${job.id}`);

  // The same phone in the international format finds the customer.
  await openWithKeyboard(page);
  await findAndOpen(page, `+60 12-${local.slice(0, 3)} ${local.slice(3)}`, { kind: "customer", text: "Palette Pelanggan" });
  await expect(page).toHaveURL(`/customers/${customer.id}`);

  await openWithKeyboard(page);
  await findAndOpen(page, USB_C_CHARGER, { kind: "item", text: USB_C_CHARGER });
  await expect(page).toHaveURL(/\/inventory\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Recent items, newest first, before anything is typed; opened again with arrow keys + Enter.
  await openWithKeyboard(page);
  const recent = palette(page).getByTestId("palette-recent");
  await expect(recent).toHaveCount(3);
  await expect(recent.nth(0)).toContainText(USB_C_CHARGER);
  await expect(recent.nth(1)).toContainText("Palette Pelanggan");
  await expect(recent.nth(2)).toContainText(job.job_number);
  await expect(recent.nth(0)).toHaveAttribute("data-selected", /.*/);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(recent.nth(2)).toHaveAttribute("data-selected", /.*/);
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(WCAG_TAGS).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary ?? ""}`).join(" | ")}`)).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/jobs/${job.id}`);

  // A command, by mouse this time: the visible search button opens the palette.
  await page.getByTestId("palette-open").click();
  await input(page).fill("new job");
  await palette(page).getByTestId("palette-command").filter({ hasText: "New job" }).first().click();
  await expect(page).toHaveURL("/jobs/new");
});

test("a technician's palette leaves out counter receipts; the cashier's shows them", async ({ browser }) => {
  test.setTimeout(120_000);
  const pos = posApi(commerceAsOwner());
  const item = await pos.lookupCode(USB_C_CHARGER);
  expect(item, "the demo shop sells the USB-C charger").not.toBeNull();
  const sale = await pos.checkout({
    idempotency_key: `e2e-palette-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    lines: [{ variant_id: item!.variant_id, quantity: 1 }],
    payments: [{ method: "cash", amount_sen: 2700 }],
    allow_balance_due: true,
  });
  const receipt = sale.receipt_number!;

  const cashier = await (await browser.newContext()).newPage();
  await signInAs(cashier, demo.cashier);
  await openWithKeyboard(cashier);
  await findAndOpen(cashier, receipt, { kind: "receipt", text: receipt });
  await expect(cashier).toHaveURL(`/pos/sales/${sale.id}`);

  const technician = await (await browser.newContext()).newPage();
  await signInAs(technician, demo.technician);
  await openWithKeyboard(technician);
  await input(technician).fill(receipt);
  await expect(palette(technician).getByRole("status")).toHaveText("Nothing found");
  await expect(palette(technician).locator('[data-kind="receipt"]')).toHaveCount(0);
  // The technician's commands: a new job, never the counter or a quotation.
  await input(technician).fill("");
  await expect(palette(technician).getByTestId("palette-command").filter({ hasText: "New job" }).first()).toBeVisible();
  await expect(palette(technician).getByTestId("palette-command").filter({ hasText: /Open the counter|New quotation/ })).toHaveCount(0);
});
