import { expect, test } from "@playwright/test";
import { demo, sessionCookie, signInAs } from "./helpers";

// Every form posts as plain HTML: the console works with JavaScript switched off.
test.use({ javaScriptEnabled: false });

test("without JavaScript: sign in, book a job, move it on, sign out", async ({ page, context }) => {
  await signInAs(page, demo.cashier);

  await page.goto("/jobs/new");
  await page.getByLabel("Customer name").fill("Tan Mei Hua");
  await page.getByLabel("Phone number").fill("+60 16-220 1144");
  await page.getByLabel("Device type").selectOption({ label: "Laptop" });
  await page.getByLabel("Brand").fill("Lenovo");
  await page.getByLabel("Model").fill("ThinkPad X1");
  await page.getByLabel("Issue").fill("Keyboard not responding");
  await page.getByLabel("Priority").selectOption({ label: "High" });
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page).toHaveURL(/\/jobs\/[^/]+$/);
  await expect(page.getByTestId("job-status")).toHaveText("Pending");
  await page.getByRole("button", { name: "Awaiting Parts", exact: true }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Awaiting Parts");
  await expect(page.getByRole("status")).toContainText("Moved to Awaiting Parts.");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await sessionCookie(context)).toBeUndefined();
});

test("without JavaScript: the theme and contrast buttons are remembered", async ({ page }) => {
  await signInAs(page, demo.technician);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("button", { name: "High contrast" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-contrast", "high");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "High contrast" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Follow system theme" }).click();
  await page.getByRole("button", { name: "High contrast" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "auto");
  await expect(page.locator("html")).toHaveAttribute("data-contrast", "normal");
});
