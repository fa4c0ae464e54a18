import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import type { StaffRole } from "@voltura/domain";
import { posApi } from "@voltura/medusa-client";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/**
 * The dashboard as each role: owners and managers the shop (revenue with its 30 days, new customers,
 * SLA breaches, quotes, handoffs, low stock), a technician the bench, a cashier the counter; the
 * activity feed and its filter; a counter sale moving today's revenue; axe on every version.
 */

const EMAIL: Record<StaffRole, string> = { owner: demo.owner, manager: demo.manager, cashier: demo.cashier, technician: demo.technician };
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const CARDS: Record<StaffRole, { shown: string[]; hidden: string[] }> = {
  owner: { shown: ["revenue-card", "customers-card", "sla-breaches", "quotes-card", "handoffs-card", "low-stock-card", "activity-card"], hidden: ["bench-card", "counter-card"] },
  manager: { shown: ["revenue-card", "customers-card", "sla-breaches", "quotes-card", "handoffs-card", "low-stock-card", "activity-card"], hidden: ["bench-card", "counter-card"] },
  technician: { shown: ["bench-card", "quotes-card", "low-stock-card", "activity-card"], hidden: ["revenue-card", "counter-card", "handoffs-card", "sla-breaches", "customers-card"] },
  cashier: { shown: ["counter-card", "ready-card", "quotes-card", "handoffs-card", "low-stock-card", "customers-card", "activity-card"], hidden: ["revenue-card", "bench-card", "sla-breaches"] },
};

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** One counter sale of the demo USB-C charger, paid exactly in cash, as the owner (through the API). */
async function counterSale(): Promise<void> {
  const pos = posApi(commerceAsOwner());
  const item = await pos.lookupCode("9555000200012");
  expect(item, "the demo shop sells the USB-C charger").not.toBeNull();
  // RM 25.00 + 8% SST = RM 27.00, paid in cash (a short payment would stay as a balance due).
  const sale = await pos.checkout({
    idempotency_key: `e2e-dashboard-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    lines: [{ variant_id: item!.variant_id, quantity: 1 }],
    payments: [{ method: "cash", amount_sen: 2700 }],
    allow_balance_due: true,
  });
  expect(sale.receipt_number).toMatch(/^RCP-/);
}

for (const role of ["owner", "manager", "technician", "cashier"] as const) {
  test(`the ${role}'s dashboard shows its own cards, with no serious accessibility violation`, async ({ page }) => {
    await signInAs(page, EMAIL[role]);
    await page.goto("/");
    const dashboard = page.getByTestId("dashboard");
    await expect(dashboard).toHaveAttribute("data-version", role === "technician" ? "bench" : role === "cashier" ? "counter" : "shop");
    for (const card of CARDS[role].shown) await expect(page.getByTestId(card), `${card} for ${role}`).toBeVisible();
    for (const card of CARDS[role].hidden) await expect(page.getByTestId(card), `no ${card} for ${role}`).toHaveCount(0);
    // Job counts: each link is named by what it shows (status, then count).
    const pending = page.getByRole("link", { name: /^Pending\s+[\d,≈]+$/ });
    await expect(pending).toHaveCount(1);
    if (role === "owner" || role === "manager") {
      await expect(page.getByTestId("sparkline-summary")).toHaveText(/Last 30 days|No revenue in the last 30 days/);
      await page.getByText("Revenue per day, last 30 days").first().click();
      await expect(page.getByRole("table", { name: "Revenue per day, last 30 days" }).getByRole("row")).toHaveCount(31);
    }
    if (role === "technician") {
      await expect(page.getByTestId("activity-filter"), "a technician reads job activity only: nothing to filter").toHaveCount(0);
      for (const type of await page.getByTestId("activity-list").locator("li").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-type")))) {
        expect(type).toBe("job");
      }
    }
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("a counter sale moves today's revenue, and shows in the activity filtered to sales", async ({ page }) => {
  await signInAs(page, demo.owner);
  await page.goto("/");
  const today = page.getByTestId("revenue-today");
  const before = (await today.textContent())!.trim();
  await counterSale();
  await page.reload();
  await expect(today).not.toHaveText(before);

  // The filter: counter sales only, then repair jobs only (a GET form: the URL carries it).
  await page.getByLabel("Kind of activity").selectOption({ label: "Counter sales" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/activity=sale/);
  const rows = page.getByTestId("activity-list").locator("li");
  await expect(rows.first()).toBeVisible();
  expect(new Set(await rows.evaluateAll((li) => li.map((r) => r.getAttribute("data-type"))))).toEqual(new Set(["sale"]));
  await expect(rows.first().getByRole("link")).toHaveAttribute("href", /^\/pos\/sales\//);

  await commerceAsOwner().createRepairJob({
    customer: { name: "Dashboard Activity", phone: `011-${String(20_000_000 + Math.floor(Math.random() * 9_999_999))}` },
    device_type: "phone", brand: "Samsung", model: "Galaxy A15", issue: "Screen flickers",
  });
  await page.getByLabel("Kind of activity").selectOption({ label: "Repair jobs" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/activity=job/);
  await expect.poll(async () => {
    await page.reload();
    return rows.count();
  }).toBeGreaterThan(0);
  expect(new Set(await rows.evaluateAll((li) => li.map((r) => r.getAttribute("data-type"))))).toEqual(new Set(["job"]));
  expect(await seriousViolations(page)).toEqual([]);
});
