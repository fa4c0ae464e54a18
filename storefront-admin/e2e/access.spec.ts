import { expect, test } from "@playwright/test";
import { demo, DEMO_PASSWORD, sessionCookie, signIn, signInAs } from "./helpers";

test("a cashier is refused the staff settings with the 403 page", async ({ page }) => {
  await signInAs(page, demo.cashier);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Repair jobs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Staff" })).toHaveCount(0);

  const response = await page.goto("/settings/staff");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByTestId("forbidden-role")).toHaveText("Cashier");
  await expect(page.getByRole("link", { name: "Back to the dashboard" })).toBeVisible();
});

test("a wrong password shows an error and starts no session", async ({ page, context }) => {
  await signIn(page, demo.technician, "not-the-password");
  await expect(page.getByRole("alert")).toContainText("Email or password is wrong.");
  await expect(page).toHaveURL(/\/login/);
  expect(await sessionCookie(context)).toBeUndefined();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);

  // The right password still works (and clears the failed attempt); technicians land on their jobs.
  await signIn(page, demo.technician, DEMO_PASSWORD);
  await expect(page).toHaveURL((url) => url.pathname === "/jobs/mine");
});

test("signing in again rotates the session and deletes the old one", async ({ page, context, baseURL }) => {
  await signInAs(page, demo.owner);
  const first = await sessionCookie(context);

  // Post the sign-in form again with the current cookie (the page itself redirects signed-in staff).
  const again = await page.request.post("/login", {
    form: { email: demo.owner, password: DEMO_PASSWORD, redirectTo: "/" },
    headers: { origin: new URL(baseURL!).origin, accept: "text/html" },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(303);
  const second = await sessionCookie(context);
  expect(second?.value).toBeTruthy();
  expect(second?.value).not.toBe(first?.value);
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { name: "Repair jobs" })).toBeVisible();

  // The old token no longer opens anything.
  await context.clearCookies();
  await context.addCookies([first!]);
  await page.goto("/jobs");
  await expect(page).toHaveURL(/\/login/);
});

test("health is public", async ({ request }) => {
  const res = await request.get("/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});
