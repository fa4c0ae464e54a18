import { expect, type BrowserContext, type Page } from "@playwright/test";
import { luhnValid } from "@voltura/domain";

export const DEMO_PASSWORD = "VolturaDemo#2026";

export const demo = {
  owner: "owner@voltura.demo",
  manager: "manager@voltura.demo",
  cashier: "cashier@voltura.demo",
  technician: "tech@voltura.demo",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "vsh_session");
}

/** Where sign-in lands each demo account: technicians start on their own jobs. */
export function landingPath(email: string): string {
  return email === demo.technician ? "/jobs/mine" : "/";
}

/** Signs in and checks the session cookie arrived with the right attributes. */
export async function signInAs(page: Page, email: string): Promise<void> {
  await signIn(page, email);
  await expect(page).toHaveURL((url) => url.pathname === landingPath(email));
  const cookie = await sessionCookie(page.context());
  expect(cookie, "the vsh_session cookie is set").toBeDefined();
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
}

/** A random, Luhn-valid 15-digit IMEI, so each run is a new device without a warranty history. */
export function randomImei(): string {
  const body = "35" + Array.from({ length: 12 }, () => Math.floor(Math.random() * 10)).join("");
  const check = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((digit) => luhnValid(`${body}${digit}`));
  return `${body}${check}`;
}
