import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

test("a cashier cannot open the shop settings (403) and does not see them in the menu", async ({ page }) => {
  await signInAs(page, demo.cashier);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Customers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Shop settings" })).toHaveCount(0);

  const response = await page.goto("/settings/shop");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByTestId("forbidden-role")).toHaveText("Cashier");

  // Posting to the form directly is refused too.
  const post = await page.request.post("/settings/shop?/tax", {
    form: { sst_rate: "0" },
    headers: { origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(403);
});

test("an owner changes the SST rate to 6% and sees it saved", async ({ page }) => {
  await signInAs(page, demo.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Shop settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Shop settings" })).toBeVisible();

  const rate = page.getByLabel("SST rate");
  const before = await rate.inputValue();
  await rate.fill("6");
  await page.getByRole("button", { name: "Save tax settings" }).click();
  await expect(page.getByRole("status")).toContainText("Tax settings saved.");

  await page.reload();
  await expect(page.getByLabel("SST rate")).toHaveValue("6");

  // A wrong value is named on its field; the saved rate stays.
  await page.getByLabel("SST rate").fill("6.005");
  await page.getByRole("button", { name: "Save tax settings" }).click();
  await expect(page.getByRole("alert")).toContainText("Tax settings not saved");
  await expect(page.getByLabel("SST rate")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("SST rate")).toBeFocused();
  await page.reload();
  await expect(page.getByLabel("SST rate")).toHaveValue("6");

  // Put the demo shop back as it was.
  await page.getByLabel("SST rate").fill(before === "6" ? "8" : before);
  await page.getByRole("button", { name: "Save tax settings" }).click();
  await expect(page.getByRole("status")).toContainText("Tax settings saved.");
});
