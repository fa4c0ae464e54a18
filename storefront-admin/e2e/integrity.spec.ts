import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

test("a manager runs the integrity check on the demo shop and every invariant holds; a cashier cannot open it", async ({ page, browser }) => {
  await signInAs(page, demo.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrity" }).click();
  await expect(page.getByRole("heading", { name: "Integrity", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Last nightly check" })).toBeVisible();

  await page.getByRole("button", { name: "Run check now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Everything adds up" })).toBeVisible();
  const results = page.getByRole("list", { name: "Check now" });
  for (const title of [
    "Stock on hand matches the stock history",
    "Every stock movement has its sale, repair or document",
    "Every completed counter sale has its order, payments and receipt number",
    "Invoice numbers are used once, without gaps",
    "No checkout, message or setup is stuck half-way",
  ]) {
    await expect(results.getByRole("listitem").filter({ hasText: title })).toContainText("OK");
  }

  const other = await browser.newContext();
  const cashier = await other.newPage();
  await signInAs(cashier, demo.cashier);
  await expect(cashier.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Integrity" })).toHaveCount(0);
  const refused = await cashier.goto("/settings/integrity");
  expect(refused?.status()).toBe(403);
  await other.close();
});
