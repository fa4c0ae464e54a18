import { expect, test } from "@playwright/test";
import pg from "pg";
import { startArchiveRun } from "@voltura/medusa-client";
import { commerceAsSystem } from "./commerce-api";
import { demo, signInAs } from "./helpers";

const databaseUrl = () => process.env.DATABASE_URL ?? "postgres://voltura:voltura@127.0.0.1:55432/voltura";

/** A repair job delivered three years ago (as the desk leaves it), so the next archive run moves it. */
async function insertOldDeliveredJob(jobNumber: string): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, customer_name, customer_phone, created_by, received_at, sla_due_at, tracking_token, created_at, updated_at, outbox)
       VALUES ($1, $2, 'delivered', 'phone', 'Vivo', 'Y20', 'Charging port', 'Hafiz Archive', '+60177770001', 'e2e', now() - interval '3 years', now() - interval '3 years', $3, now() - interval '3 years', now() - interval '3 years', '[]'::jsonb)`,
      [`rj_e2e_${jobNumber}`, jobNumber, `tok_e2e_${jobNumber}`],
    );
  } finally {
    await db.end();
  }
}

test("a manager finds an archived job and brings it back; a cashier has no archive", async ({ page, browser }) => {
  const jobNumber = `VSH-2023-9${String(Date.now()).slice(-5)}`;
  await insertOldDeliveredJob(jobNumber);
  const run = await startArchiveRun(commerceAsSystem(), { idempotency_key: `e2e-archive-${jobNumber}` });
  expect(run.done).toBe(true);
  expect(run.moved.repair_job).toBeGreaterThanOrEqual(1);

  await signInAs(page, demo.manager);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archive" }).click();
  await expect(page.getByRole("heading", { name: "Archive", level: 1 })).toBeVisible();
  await expect(page.getByRole("table", { name: "Archive runs, newest first" }).getByRole("row").nth(1)).toContainText("Finished");

  await page.getByRole("textbox", { name: "Search the archive" }).fill(jobNumber);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: jobNumber });
  await expect(row).toContainText("Hafiz Archive");
  await row.getByRole("button", { name: `Bring back ${jobNumber}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Brought back" })).toBeVisible();

  await page.goto(`/jobs/rj_e2e_${jobNumber}`);
  await expect(page.getByText(jobNumber).first()).toBeVisible();

  const other = await browser.newContext();
  const cashier = await other.newPage();
  await signInAs(cashier, demo.cashier);
  await expect(cashier.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archive" })).toHaveCount(0);
  expect((await cashier.goto("/archive"))?.status()).toBe(403);
  await other.close();
});
