import { expect, test } from "@playwright/test";
import { demo, sessionCookie, signIn, signInAs } from "./helpers";

test("an owner adds a staff member, changes their role and deactivates them", async ({ page, browser }) => {
  const email = `e2e-${Date.now().toString(36)}@voltura.demo`;
  const password = "Bench-Test-2026";
  await signInAs(page, demo.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { name: "Staff", level: 1 })).toBeVisible();

  // A short password is refused on the field.
  const form = page.locator("#add-staff");
  await form.getByLabel("Name").fill("Hafiz E2E");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Technician" });
  await form.getByLabel("Password").fill("short");
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByText("Use at least 10 characters")).toBeVisible();

  await form.getByLabel("Password").fill(password);
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByRole("status")).toContainText("can now sign in as Technician");
  const row = page.getByTestId("staff-row").filter({ hasText: email });
  await expect(row).toBeVisible();

  // The new technician can sign in (in a separate browser context).
  const other = await browser.newContext();
  const tech = await other.newPage();
  await signIn(tech, email, password);
  await expect(tech).toHaveURL((url) => url.pathname === "/jobs/mine");
  await expect(tech.getByTestId("signed-in-as")).toContainText("Technician");

  await row.getByLabel("Role for Hafiz E2E").selectOption({ label: "Cashier" });
  await row.getByRole("button", { name: "Save role for Hafiz E2E" }).click();
  await expect(page.getByRole("status")).toContainText("Hafiz E2E is now Cashier");
  await tech.reload();
  await expect(tech.getByTestId("signed-in-as")).toContainText("Cashier");

  await row.getByRole("button", { name: "Deactivate Hafiz E2E" }).click();
  await expect(page.getByRole("status")).toContainText("has been deactivated and signed out");
  await expect(row).toContainText("Inactive");

  // Deactivated: the open session is gone and signing in again is refused.
  await tech.goto("/jobs");
  await expect(tech).toHaveURL(/\/login/);
  expect(await sessionCookie(other)).toBeUndefined();
  await signIn(tech, email, password);
  // Answered exactly like a wrong password: a deactivated account is not told apart.
  await expect(tech.getByRole("alert")).toContainText("Email or password is wrong.");
  await other.close();
});
