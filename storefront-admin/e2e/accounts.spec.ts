import { expect, test } from "@playwright/test";
import { demo, signIn, signInAs } from "./helpers";

test("demo accounts are flagged to every signed-in staff member while they are active", async ({ page }) => {
  await signInAs(page, demo.technician);
  const banner = page.getByTestId("demo-accounts-banner");
  await expect(banner).toContainText("Demo accounts are active — deactivate them before using this shop for real");
  await expect(banner).toContainText(demo.owner);
  await expect(banner.getByRole("link")).toHaveCount(0);
});

test("an owner resets a staff member's password; they must choose their own before anything else", async ({ page, browser }) => {
  const email = `aina-${Date.now().toString(36)}@kedai.test`;
  await signInAs(page, demo.owner);
  await expect(page.getByTestId("demo-accounts-banner").getByRole("link", { name: "Deactivate them under Settings → Staff" })).toBeVisible();
  await page.goto("/settings/staff");
  const form = page.locator("#add-staff");
  await form.getByLabel("Name").fill("Aina Teknik");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Technician" });
  await form.getByLabel("Password").fill("Password2026!");
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByText("is a common password with a few characters added")).toBeVisible();
  await form.getByLabel("Password").fill("Kunci-Pertama-Kedai-1");
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByRole("status")).toContainText("can now sign in as Technician");

  const row = page.getByTestId("staff-row").filter({ hasText: email });
  await row.getByText("Reset password").click();
  await row.getByRole("button", { name: "Set temporary password for Aina Teknik" }).click();
  const temporary = (await page.getByTestId("temporary-password").textContent())!.trim();
  expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

  const other = await browser.newContext();
  const tech = await other.newPage();
  await signIn(tech, email, "Kunci-Pertama-Kedai-1");
  await expect(tech.getByRole("alert")).toContainText("Email or password is wrong.");
  await signIn(tech, email, temporary);
  await expect(tech).toHaveURL((url) => url.pathname === "/account/password");
  await expect(tech.getByTestId("password-change-required")).toContainText("Choose your own password first");
  // Nothing else opens until the password is changed.
  await tech.goto("/jobs/mine");
  await expect(tech).toHaveURL((url) => url.pathname === "/account/password");

  await tech.locator("#current_password").fill("not-the-temporary-one");
  await tech.locator("#new_password").fill("Teh-Tarik-Kurang-Manis");
  await tech.locator("#new_password_confirm").fill("Teh-Tarik-Kurang-Manis");
  await tech.getByRole("button", { name: "Change password" }).click();
  await expect(tech.locator("#current_password-error")).toHaveText("Your current password is wrong");

  await tech.locator("#current_password").fill(temporary);
  await tech.locator("#new_password").fill("aina-teknik-2026");
  await tech.locator("#new_password_confirm").fill("aina-teknik-2026");
  await tech.getByRole("button", { name: "Change password" }).click();
  await expect(tech.locator("#new_password-error")).toHaveText("Must not contain your email address or your name");

  await tech.locator("#current_password").fill(temporary);
  await tech.locator("#new_password").fill("Teh-Tarik-Kurang-Manis");
  await tech.locator("#new_password_confirm").fill("Teh-Tarik-Kurang-Manis");
  await tech.getByRole("button", { name: "Change password" }).click();
  await expect(tech).toHaveURL((url) => url.pathname === "/jobs/mine");

  await tech.getByRole("button", { name: "Sign out" }).click();
  await signIn(tech, email, temporary);
  await expect(tech.getByRole("alert")).toContainText("Email or password is wrong.");
  await signIn(tech, email, "Teh-Tarik-Kurang-Manis");
  await expect(tech).toHaveURL((url) => url.pathname === "/jobs/mine");
  await other.close();
});

test("staff change their own password from the header's Password link", async ({ page }) => {
  const email = `ravi-${Date.now().toString(36)}@kedai.test`;
  await signInAs(page, demo.owner);
  await page.goto("/settings/staff");
  const form = page.locator("#add-staff");
  await form.getByLabel("Name").fill("Ravi Kaunter");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Cashier" });
  await form.getByLabel("Password").fill("Mula-Kerja-Pagi-7");
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByRole("status")).toContainText("can now sign in as Cashier");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, email, "Mula-Kerja-Pagi-7");
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.getByRole("link", { name: "Password", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Password", level: 1 })).toBeVisible();
  await expect(page.getByTestId("password-change-required")).toHaveCount(0);
  await page.locator("#current_password").fill("Mula-Kerja-Pagi-7");
  await page.locator("#new_password").fill("short");
  await page.locator("#new_password_confirm").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#new_password-error")).toHaveText("Must be at least 10 characters");

  await page.locator("#current_password").fill("Mula-Kerja-Pagi-7");
  await page.locator("#new_password").fill("Roti-Canai-Telur-Dua");
  await page.locator("#new_password_confirm").fill("Roti-Canai-Telur-Dua");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, "Mula-Kerja-Pagi-7");
  await expect(page.getByRole("alert")).toContainText("Email or password is wrong.");
  await signIn(page, email, "Roti-Canai-Telur-Dua");
  await expect(page).toHaveURL((url) => url.pathname === "/");
});
