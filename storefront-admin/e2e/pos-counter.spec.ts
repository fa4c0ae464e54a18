import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "./helpers";

/**
 * A counter sale with only the keyboard and a USB scanner on the seeded demo shop: four items
 * scanned (bursts of keys 5 ms apart, no field focused) and one found by typing, paid DuitNow +
 * cash, the 80 mm receipt printed (rounding and change on it), then a refund, and the sale in the
 * day's sales list.
 */

/** A USB scanner: the whole code in one fast burst, then Enter, with nothing focused. */
async function scan(page: Page, code: string) {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press("Enter");
}

/** Today's counter sales count on the reports page (DOC stream), read by a manager in their own session. */
async function reportedSales(browser: Browser): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, demo.manager);
  const today = await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kuala_Lumpur" }).format(new Date()));
  await page.goto(`/reports?from=${today}&to=${today}&source=pos`);
  const count = Number(await page.getByTestId("total-sales").textContent());
  await context.close();
  return count;
}

const nothingFocused = (page: Page) => page.evaluate(() => document.activeElement === document.body || document.activeElement === null);

test("keyboard-and-scanner sale of five items, split cash + DuitNow, printed receipt, refund, listed and reported", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const reportedBefore = await reportedSales(browser);
  await page.addInitScript(() => {
    // The receipt's print call is counted on the window instead of opening the print dialog.
    Reflect.set(window, "printed", 0);
    window.print = () => {
      Reflect.set(window, "printed", Number(Reflect.get(window, "printed")) + 1);
    };
  });
  await signInAs(page, demo.cashier);
  await page.goto("/pos");
  await expect(page.locator('section[data-ready="true"]')).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const lines = page.getByTestId("cart-line");
  const codes = ["9555000200012", "9555000200029", "9555000200036", "SVC-DIAG"];
  for (const [i, code] of codes.entries()) {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(await nothingFocused(page), "the scan starts with no field focused").toBe(true);
    await scan(page, code);
    await expect(lines).toHaveCount(i + 1);
  }
  const search = page.getByRole("combobox", { name: "Search products and services" });
  await expect(search).toHaveValue("");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // Typing (slower than a scanner) goes to the search box; Enter adds the result.
  await page.keyboard.type("A54", { delay: 120 });
  await expect(search).toBeFocused();
  await expect(page.getByRole("option").first()).toContainText("Samsung A54 Charging Port");
  await page.keyboard.press("Enter");
  await expect(lines).toHaveCount(5);
  // 25.00 + 19.90 + 49.90 + 30.00 + 45.00 = 169.80; SST 8% 13.584 → 13.58; total 183.38.
  await expect(page.getByTestId("cart-total")).toHaveText("RM 183.38");

  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Payment" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("DuitNow QR", { exact: true }).fill("100.00");
  await dialog.getByLabel("Cash", { exact: true }).fill("100.00");
  // Cash covers 83.38, rounded to 83.40: +0.02 rounding, RM 16.60 change.
  await expect(dialog.getByTestId("pay-rounding")).toHaveText("RM 0.02");
  await expect(dialog.getByTestId("pay-change")).toHaveText("RM 16.60");
  await dialog.getByLabel("Cash", { exact: true }).press("Enter");

  const done = page.getByTestId("sale-done");
  await expect(done).toBeVisible();
  await expect(done).toContainText(/Sale RCP-\d{4}-\d{6}/);
  await expect(done).toContainText("Change RM 16.60");
  const receiptNumber = (await done.getByRole("heading").textContent())!.replace("Sale ", "").trim();

  await done.getByRole("link", { name: "Print receipt" }).click();
  const receipt = page.getByTestId("receipt");
  await expect(receipt).toContainText(receiptNumber);
  await expect(receipt).toContainText("SST No.");
  await expect(page.getByTestId("receipt-rounding")).toHaveText("RM 0.02");
  await expect(page.getByTestId("receipt-change")).toHaveText("RM 16.60");
  await expect.poll(() => page.evaluate(() => Number(Reflect.get(window, "printed")))).toBe(1);

  await page.getByRole("link", { name: "Sale details" }).click();
  await expect(page.getByRole("heading", { name: `Sale ${receiptNumber}` })).toBeVisible();
  await page.getByLabel(/USB-C Cable 1m \(max 1\)/).fill("1");
  await page.getByLabel("Refund by").selectOption("cash");
  await page.getByLabel("Reason").fill("Customer changed mind");
  await page.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByText("Refund recorded.")).toBeVisible();
  // The cable's share of what was paid: 19.90 + its SST share; paid out in cash, rounded to 5 sen.
  await expect(page.getByTestId("sale-refunded")).toHaveText(/RM 21\.\d\d/);
  await expect(page.getByText(/refund RM 21\.\d[05] by Cash, restocked · Siti Cashier — Customer changed mind/)).toBeVisible();

  await page.goto("/pos/sales");
  const row = page.getByRole("row").filter({ hasText: receiptNumber });
  await expect(row).toContainText(/Cash \+ DuitNow QR|DuitNow QR \+ Cash/);
  await expect(row).toContainText("Part refunded");

  expect(await reportedSales(browser)).toBe(reportedBefore + 1);
});

test("a card sale refunded in cash from the drawer needs a manager, who is shown on the refund", async ({ page }) => {
  await signInAs(page, demo.cashier);
  await page.goto("/pos");
  await expect(page.locator('section[data-ready="true"]')).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await scan(page, "9555000200012");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  const title = (await page.getByTestId("cart-line").first().locator("span.font-medium").innerText()).trim();
  await page.keyboard.press("F9");
  const dialog = page.getByRole("dialog", { name: "Payment" });
  await dialog.getByRole("button", { name: "Rest of the bill by Card" }).click();
  await dialog.getByLabel("Card", { exact: true }).press("Enter");
  const done = page.getByTestId("sale-done");
  await expect(done).toContainText(/Sale RCP-\d{4}-\d{6}/);
  const receiptNumber = (await done.getByRole("heading").textContent())!.replace("Sale ", "").trim();
  await page.goto(`/pos/sales?q=${receiptNumber}`);
  await page.getByRole("link", { name: receiptNumber }).click();

  await expect(page.getByLabel("Refund by").locator("option:checked")).toHaveText("Card (as paid)");
  await page.getByLabel(`${title} (max 1)`).fill("1");
  await page.getByLabel("Refund by").selectOption("cash");
  const approval = page.getByTestId("refund-approval");
  await expect(approval).toContainText("paid by card");

  await page.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByText(/A manager must approve this refund/)).toBeVisible();
  await expect(page.getByTestId("sale-return")).toHaveCount(0);

  await approval.getByLabel("Manager email").fill(demo.manager);
  await approval.getByLabel("Manager password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByText("Refund recorded.")).toBeVisible();
  await expect(page.getByTestId("sale-return")).toContainText(/by Cash, restocked · Siti Cashier · approved by Mei Ling Manager/);
});
