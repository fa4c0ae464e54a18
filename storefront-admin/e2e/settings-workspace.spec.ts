import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./helpers";

/**
 * The settings workspace: the landing and its section navigation, a message template edited in
 * Bahasa Melayu with its live preview and put back to the original, and axe on every section as the
 * owner and the manager (WCAG 2.1 A/AA, no serious or critical violation).
 */

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SECTIONS = ["/settings", "/settings/shop", "/settings/documents", "/settings/staff", "/settings/whatsapp", "/settings/concierge", "/settings/messages", "/settings/integrity"];

async function blockingViolations(page: Page, url: string): Promise<string[]> {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(200);
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id} on ${url}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

test("the sections navigate from the landing and from the section list", async ({ page }) => {
  await signInAs(page, demo.owner);
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Settings sections" });
  for (const name of ["Shop info", "Documents", "Staff", "WhatsApp", "Concierge", "Message templates", "Maintenance", "Integrity"]) {
    await expect(sections.getByRole("link", { name, exact: true })).toBeVisible();
  }

  await page.getByTestId("settings-landing").getByRole("link", { name: "WhatsApp" }).click();
  await expect(page).toHaveURL(/\/settings\/whatsapp$/);
  await expect(page.getByRole("heading", { level: 1, name: "WhatsApp" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "WhatsApp" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("link", { name: "Manage WhatsApp numbers" })).toHaveAttribute("href", "/whatsapp/sessions");

  await sections.getByRole("link", { name: "Concierge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Concierge" })).toBeVisible();
  await expect(page.getByTestId("concierge-handoff-text")).toHaveText("Tunggu sebentar, teknisi kami akan melayan anda");

  await sections.getByRole("link", { name: "Shop info" }).click();
  await expect(page).toHaveURL(/\/settings\/shop$/);
  await expect(sections.getByRole("link", { name: "Shop info" })).toHaveAttribute("aria-current", "page");
});

test("a manager does not see Maintenance; a cashier cannot open settings", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.goto("/settings");
  const sections = page.getByRole("navigation", { name: "Settings sections" });
  await expect(sections.getByRole("link", { name: "Message templates" })).toBeVisible();
  await expect(sections.getByRole("link", { name: "Maintenance" })).toHaveCount(0);

  await page.context().clearCookies();
  await signInAs(page, demo.cashier);
  expect((await page.goto("/settings/messages"))?.status()).toBe(403);
});

test("the BM pickup reminder is edited, previewed, saved and reset to the original", async ({ page }) => {
  await signInAs(page, demo.owner);
  await page.goto("/settings/messages?kind=pickup_reminder");
  await expect(page.getByRole("heading", { level: 2, name: "Pickup reminder" })).toBeVisible();
  const text = page.getByLabel("Message in Bahasa Melayu");
  const original = await text.inputValue();
  const preview = page.getByTestId("template-preview-ms");
  await expect(preview).toContainText("Salam Aisyah, iPhone 13 anda (kerja VSH-2026-000123)");

  // The preview follows the typing, with the sample customer filled in.
  await text.fill("Hai {nama}, {model} anda dah siap! Datang ke {shop_name} bila senang.");
  await expect(preview).toHaveText("Hai Aisyah, iPhone 13 anda dah siap! Datang ke Voltura Demo Repair bila senang.");

  // An unknown placeholder is named before anything is sent.
  await text.fill("Hai {name}, dah siap.");
  await expect(page.getByRole("alert").filter({ hasText: "{name}" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save message" })).toBeDisabled();

  await text.fill("Hai {nama}, {model} anda dah siap! Datang ke {shop_name} bila senang.");
  await page.getByRole("button", { name: "Save message" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  await expect(page.getByTestId("template-state-ms")).toHaveText("Changed by the shop");
  await page.reload();
  await expect(page.getByLabel("Message in Bahasa Melayu")).toHaveValue("Hai {nama}, {model} anda dah siap! Datang ke {shop_name} bila senang.");
  await expect(page.getByTestId("template-state-en")).toHaveText("Original");

  await page.getByRole("button", { name: "Reset Bahasa Melayu to the original" }).click();
  await expect(page.getByRole("status")).toContainText("back to the original");
  await expect(page.getByLabel("Message in Bahasa Melayu")).toHaveValue(original);
  await expect(page.getByTestId("template-state-ms")).toHaveText("Original");
  await expect(page.getByTestId("template-preview-ms")).toContainText("Salam Aisyah");
});

for (const who of ["owner", "manager"] as const) {
  test(`axe: no serious or critical violation on the settings sections as ${who}`, async ({ page }) => {
    test.setTimeout(180_000);
    await signInAs(page, demo[who]);
    const found: string[] = [];
    for (const url of [...SECTIONS, "/whatsapp/sessions", "/knowledge", ...(who === "owner" ? ["/settings/maintenance"] : [])]) {
      found.push(...(await blockingViolations(page, url)));
    }
    expect(found).toEqual([]);
  });
}
