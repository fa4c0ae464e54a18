import { expect, test } from "@playwright/test";
import { demo, sessionCookie, signInAs } from "./helpers";

test("a manager books in a job, moves it to In Progress and signs out", async ({ page, context }) => {
  await signInAs(page, demo.manager);
  await expect(page.getByTestId("signed-in-as")).toContainText("Manager");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New job", exact: true }).click();
  await expect(page.getByRole("heading", { name: "New repair job" })).toBeVisible();

  await page.getByLabel("Customer name").fill("Aisyah Rahman");
  await page.getByLabel("Phone number").fill("012-345 6789");
  await page.getByLabel("Device type").selectOption({ label: "Phone" });
  await page.getByLabel("Brand").fill("Apple");
  await page.getByLabel("Model").fill("iPhone 13");
  await page.getByLabel("Issue").fill("Screen cracked");
  await page.getByRole("button", { name: "Create job" }).click();

  // The detail page of the new job, status Pending.
  await expect(page).toHaveURL(/\/jobs\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Apple iPhone 13 · Aisyah Rahman");
  await expect(page.getByTestId("job-status")).toHaveText("Pending");
  const jobNumber = (await page.getByTestId("job-number").textContent())?.trim() ?? "";
  expect(jobNumber).toMatch(/^[A-Z]+-\d{4}-\d{6,}$/);
  const detailUrl = page.url();

  // It is listed in /jobs (newest first), with the phone in Malaysian format.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Repair jobs" }).click();
  const row = page.locator(`[data-testid="job-row"][data-job-number="${jobNumber}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Aisyah Rahman");
  await expect(row).toContainText("012-345 6789");
  await expect(row).toContainText("Pending");

  // Move it on.
  await page.goto(detailUrl);
  await page.getByLabel("Note (optional)", { exact: true }).fill("Customer approved the quote at the counter");
  await page.getByRole("button", { name: "In Progress", exact: true }).click();
  await expect(page.getByTestId("job-status")).toHaveText("In Progress");
  await expect(page.getByRole("list", { name: "Status changes" })).toContainText("Customer approved the quote at the counter");

  // Sign out: back to /login, and the session is gone.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await sessionCookie(context)).toBeUndefined();
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fjobs$/);
});

test("bad input on the new-job form names the field, without a server error", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.goto("/jobs/new");
  await page.getByLabel("Customer name").fill("Aisyah Rahman");
  await page.getByLabel("Phone number").fill("12345");
  await page.getByLabel("Brand").fill("Apple");
  await page.getByLabel("Model").fill("iPhone 13");
  await page.getByLabel("Issue").fill("Screen cracked");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("alert")).toContainText("The job was not created");
  await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid phone number")).toBeVisible();
  await expect(page.getByLabel("Customer name")).toHaveValue("Aisyah Rahman");
});
