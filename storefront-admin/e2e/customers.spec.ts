import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./helpers";

const TAG = "e2e regular";

async function openAisyahByPhone(page: Page): Promise<void> {
  await page.goto("/customers");
  await page.getByLabel("Search", { exact: true }).fill("0123456789");
  await page.getByLabel("Search", { exact: true }).press("Enter");
  await expect(page).toHaveURL(/\/customers\?q=0123456789$/);
  const row = page.getByTestId("customer-row").filter({ hasText: "Aisyah Rahman" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("012-345 6789");
  await row.getByRole("link", { name: "Aisyah Rahman" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aisyah Rahman" })).toBeVisible();
}

test("a manager finds Aisyah by phone, tags her, adds a note and exports the tag as CSV", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();

  await openAisyahByPhone(page);
  const customerUrl = page.url();
  await expect(page.getByTestId("customer-phone")).toHaveText("012-345 6789");

  // Tag (suggestions come from the tags in use; a new one is typed).
  const tags = page.getByTestId("customer-tags");
  if (await tags.getByRole("listitem").filter({ hasText: TAG }).count()) {
    await page.getByRole("button", { name: `Remove tag ${TAG}` }).click();
    await expect(page.getByRole("button", { name: `Remove tag ${TAG}` })).toHaveCount(0);
  }
  await page.getByLabel("Add a tag").fill("  E2E   Regular ");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("status")).toContainText(`Tagged “${TAG}”.`);
  await expect(page.getByTestId("customer-tags").getByRole("listitem").filter({ hasText: TAG })).toBeVisible();

  // Note: newest first, with the author and the time.
  const note = `Prefers WhatsApp updates (${Date.now()})`;
  await page.getByLabel("Add a note").fill(note);
  await page.getByRole("button", { name: "Add note" }).click();
  const first = page.getByTestId("customer-notes").getByRole("listitem").first();
  await expect(first).toContainText(note);
  await expect(first).toContainText("Mei Ling Manager");

  // The list filtered by that tag, bookmarkable, and its CSV export.
  await page.goto("/customers");
  await page.getByLabel("Tag", { exact: true }).selectOption(TAG);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]tag=e2e\+regular/);
  await expect(page.getByTestId("customer-row")).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId("customer-row")).toContainText("Aisyah Rahman");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("Name,Phone,Phone (E.164),Email,Type,Tags,Devices,Repair jobs,Last visit,Customer since,Customer ID");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^Aisyah Rahman,012-345 6789,\+60123456789,/);
  expect(lines[1]).toContain(TAG);

  // Leave the demo data as it was.
  await page.goto(customerUrl);
  await page.getByRole("button", { name: `Remove tag ${TAG}` }).click();
  await expect(page.getByRole("status")).toContainText(`Tag “${TAG}” removed.`);
});

test("sorting and paging live in the URL", async ({ page }) => {
  await signInAs(page, demo.cashier);
  await page.goto("/customers");
  await page.getByRole("button", { name: /^Name/ }).click();
  await expect(page).toHaveURL(/\/customers\?sort=name$/);
  await expect(page.getByRole("columnheader", { name: /Name/ })).toHaveAttribute("aria-sort", "ascending");
  const names = await page.getByTestId("customer-row").getByRole("link").allTextContents();
  expect(names).toEqual(names.toSorted((a, b) => a.localeCompare(b)));

  await page.getByRole("button", { name: /^Jobs/ }).click();
  await expect(page).toHaveURL(/\/customers\?sort=-jobs$/);
  await expect(page.getByRole("columnheader", { name: /Jobs/ })).toHaveAttribute("aria-sort", "descending");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("adding a customer whose phone is taken links to the existing customer", async ({ page }) => {
    await signInAs(page, demo.cashier);
    await page.goto("/customers");
    await page.getByRole("link", { name: "New customer" }).click();
    await page.getByLabel("Name").fill("Aisyah R.");
    await page.getByLabel("Phone number").fill("+60 12-345 6789");
    await page.getByRole("button", { name: "Add customer" }).click();

    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This customer already exists");
    await expect(alert).toContainText("already belongs to Aisyah Rahman");
    await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Name")).toHaveValue("Aisyah R.");
    await alert.getByRole("link", { name: "Open Aisyah Rahman's record" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Aisyah Rahman" })).toBeVisible();

    // The record's forms post as plain HTML too.
    const note = `Asked for a callback (no JS, ${Date.now()})`;
    await page.getByLabel("Add a note").fill(note);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("customer-notes").getByRole("listitem").first()).toContainText(note);
    await expect(page.getByTestId("customer-notes").getByRole("listitem").first()).toContainText("Siti Cashier");
  });
});

test("a technician can read customers but not add them", async ({ page }) => {
  await signInAs(page, demo.technician);
  await page.goto("/customers");
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New customer" })).toHaveCount(0);
  const response = await page.goto("/customers/new");
  expect(response?.status()).toBe(403);
});
