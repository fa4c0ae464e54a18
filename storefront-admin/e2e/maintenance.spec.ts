import { mkdirSync, rmSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { listBackups } from "@voltura/medusa-client";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/**
 * The owners' Maintenance page end to end, on the real worker, database and backup files: back up now,
 * see the backup verified by a restore test, change a customer, restore the backup with the typed
 * confirmation, see the maintenance banner and the live steps, and find the customer as it was.
 * A restore swaps the stack's database, so this spec runs alone and last (playwright.config.ts).
 */

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const ORIGINAL_NAME = `Restore Check ${stamp}`;
const CHANGED_NAME = `Changed After Backup ${stamp}`;
/** A unique Malaysian mobile (019 + 7 digits) for this run. */
const PHONE = `019${String(Date.now() % 10_000_000).padStart(7, "0")}`;
const SHOTS = process.env.VSH_SHOTS_DIR ?? "/tmp/vsh/shots";
/** The backup the owner test restored (the next test checks the catalog after it). */
let restoredBackupId = "";
const databaseUrl = () => process.env.DATABASE_URL ?? "postgres://voltura:voltura@127.0.0.1:55432/voltura";

async function axeClean(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect.soft(problems, `axe on ${what}`).toEqual([]);
}

test("a manager is refused the Maintenance page and does not see it in the menu", async ({ page }) => {
  await signInAs(page, demo.manager);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Integrity" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Maintenance" })).toHaveCount(0);
  const response = await page.goto("/settings/maintenance");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  const run = await page.request.get("/settings/maintenance/restores/rr_missing/progress", { maxRedirects: 0 });
  expect(run.status()).toBe(403);
});

/** Maintenance mode's row, written as the restore writes it (db-ops `setMaintenance`). */
async function setMaintenanceRow(on: boolean): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl() });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO operations_maintenance (id, "on", reason, restore_run_id, since, "by") VALUES ('shop', $1, 'e2e check', NULL, now(), 'e2e')
       ON CONFLICT (id) DO UPDATE SET "on" = EXCLUDED."on", reason = EXCLUDED.reason, restore_run_id = NULL, since = now(), "by" = EXCLUDED."by"`,
      [on],
    );
  } finally {
    await db.end();
  }
}

test("while maintenance mode is on, a cashier sees the banner and a change is refused kindly", async ({ page }) => {
  await setMaintenanceRow(true);
  try {
    await signInAs(page, demo.cashier);
    await page.goto("/customers/new");
    // Commerce and the console each reuse the state for up to 2 s.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("maintenance-banner")).toContainText("Maintenance: the shop's data is being restored; changes are paused", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId("maintenance-banner").getByRole("link", { name: "Follow the restore" })).toHaveCount(0);
    await page.getByLabel("Name").fill(`Paused ${stamp}`);
    await page.getByLabel("Phone number").fill(`019${String((Date.now() + 7919) % 10_000_000).padStart(7, "0")}`);
    await page.getByRole("button", { name: "Add customer" }).click();
    await expect(page.getByRole("alert")).toContainText("Changes are paused while the shop's data is being restored. Nothing was saved");
    await expect(page).toHaveURL(/\/customers\/new/);
  } finally {
    await setMaintenanceRow(false);
  }
  await expect(async () => {
    await page.goto("/customers");
    await expect(page.getByTestId("maintenance-banner")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test("owner: back up now, verify, restore with the typed word, banner, and the data is back", async ({ page, browser, baseURL }) => {
  test.setTimeout(12 * 60_000);
  const owner = commerceAsOwner();
  const customer = await owner.createCrmCustomer({ name: ORIGINAL_NAME, phone: PHONE });

  // Signed in before the backup: the console's sessions live in the same database and are restored with it.
  await signInAs(page, demo.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Maintenance" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Maintenance" })).toBeVisible();
  await expect(page.getByTestId("database-size")).toHaveText(/\d+(\.\d)? (KB|MB|GB)/);
  await expect(page.getByTestId("app-version")).not.toBeEmpty();
  await axeClean(page, "the Maintenance page");

  // Back up now: the worker takes it; the page follows it until it is listed.
  const before = new Set((await listBackups(owner)).backups.map((b) => b.id));
  await page.getByRole("button", { name: "Back up now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Backup started" })).toBeVisible();
  let backupId = "";
  let backupBytes = 0;
  await expect
    .poll(
      async () => {
        const fresh = (await listBackups(owner)).backups.find((b) => !before.has(b.id) && b.kind === "manual" && b.status === "completed");
        backupId = fresh?.id ?? "";
        backupBytes = fresh?.bytes ?? 0;
        return backupId;
      },
      { message: "the manual backup is completed", timeout: 180_000, intervals: [1_000, 2_000] },
    )
    .toMatch(/^bk-\d{8}T\d{6}Z-manual$/);
  const row = page.locator(`[data-testid="backup-row"][data-backup-id="${backupId}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByTestId("verification-badge")).toHaveText("unverified");
  await expect(row).toContainText("Manual");
  const link = row.getByRole("link", { name: `Download ${backupId}` });
  const download = await page.request.get((await link.getAttribute("href"))!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment/);
  expect((await download.body()).length, "the whole encrypted file").toBe(backupBytes);

  // Verify: a restore test into a scratch database; the badge turns "verified <date>".
  await row.getByRole("button", { name: `Verify ${backupId}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "started. Its result shows here" })).toBeVisible();
  await expect(row.getByTestId("verification-badge")).toHaveText(/^verified \d{1,2} \w{3} \d{4}$/, { timeout: 300_000 });
  await expect(page.getByTestId("restore-test-row").filter({ hasText: backupId }).first()).toContainText("passed");
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/maintenance-page.png`, fullPage: true });

  // Without JavaScript the dialog is a page state, and the server refuses anything but the exact word.
  const noJs = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const plain = await noJs.newPage();
  await signInAs(plain, demo.owner);
  await plain.goto(`/settings/maintenance?restore=${backupId}&mode=copy`);
  const plainForm = plain.getByRole("dialog", { name: "Restore this backup as a copy?" });
  await plainForm.getByLabel("Type COPY to confirm").fill("copy");
  await plainForm.getByRole("button", { name: "Create the copy" }).click();
  await expect(plain.getByText("Type COPY in capital letters to confirm")).toBeVisible();
  await noJs.close();

  // Change some data after the backup.
  await owner.updateCrmCustomer(customer.id, { name: CHANGED_NAME });
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole("heading", { level: 1, name: CHANGED_NAME })).toBeVisible();

  // Restore, with the typed confirmation: the button works only once RESTORE is typed exactly.
  await page.goto("/settings/maintenance");
  await row.getByRole("link", { name: `Restore ${backupId}…` }).click();
  const dialog = page.getByRole("dialog", { name: "Restore this backup?" });
  await expect(dialog).toBeVisible();
  await axeClean(page, "the restore dialog");
  await page.screenshot({ path: `${SHOTS}/maintenance-restore-dialog.png` });
  const confirm = dialog.getByLabel("Type RESTORE to confirm");
  const go = dialog.getByRole("button", { name: "Restore now" });
  await expect(go).toBeDisabled();
  await confirm.fill("restore");
  await expect(go).toBeDisabled();
  await confirm.fill("RESTORE");
  await expect(go).toBeEnabled();
  await go.click();

  // The run page: the banner while maintenance mode is on, live steps and log, then the outcome.
  await expect(page).toHaveURL(/\/settings\/maintenance\/restores\/[^/]+$/, { timeout: 30_000 });
  const banner = page.getByTestId("maintenance-banner");
  await expect(banner).toContainText("Maintenance: the shop's data is being restored; changes are paused", { timeout: 120_000 });
  await expect(page.getByTestId("restore-log").getByRole("listitem").first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/maintenance-restore-running.png`, fullPage: true });
  await expect(page.getByTestId("restore-outcome")).toContainText("Restore finished", { timeout: 480_000 });
  await expect(page.getByTestId("restore-step")).toHaveCount(6);
  await expect(page.locator('[data-testid="restore-step"][data-state="done"]')).toHaveCount(6);
  await expect(banner).toHaveCount(0, { timeout: 15_000 });
  await axeClean(page, "the restore run page");
  await page.screenshot({ path: `${SHOTS}/maintenance-restore-done.png`, fullPage: true });

  // The data is as it was at the backup.
  await expect.poll(async () => (await owner.getCrmCustomer(customer.id)).name, { timeout: 30_000 }).toBe(ORIGINAL_NAME);
  await page.goto(`/customers/${customer.id}`);
  await expect(page.getByRole("heading", { level: 1, name: ORIGINAL_NAME })).toBeVisible();

  // The restore is listed as completed.
  await page.goto("/settings/maintenance");
  await expect(page.getByTestId("restore-run-row").first()).toContainText("Completed");
  restoredBackupId = backupId;
});

test("after the restore the catalog lists the restored backup, completed, and the backup taken before the restore", async ({ page }) => {
  // The restored database's catalog is the backup's own (taken while that backup was running): the worker re-syncs it on resume.
  await signInAs(page, demo.owner);
  await page.goto("/settings/maintenance");
  const row = page.locator(`[data-testid="backup-row"][data-backup-id="${restoredBackupId}"]`);
  await expect(row).toContainText("This machine");
  await expect(row.getByTestId("verification-badge")).toBeVisible();
  await expect(page.getByTestId("backup-row").filter({ hasText: "Before a restore" }).first()).toBeVisible();
  await expect(page.getByTestId("newest-backup")).not.toContainText("No backup has been taken yet");
});

test.afterAll(async () => {
  // What a restore keeps aside (database "<live>_pre_<short>", uploads "<uploads>.pre_<short>") is the owner's to
  // remove; this run's are the test's.
  const uploads = process.env.UPLOADS_DIR;
  const live = new URL(databaseUrl()).pathname.slice(1);
  const admin = new URL(databaseUrl());
  admin.pathname = "/postgres";
  const db = new pg.Client({ connectionString: admin.toString() });
  await db.connect();
  try {
    const { rows } = await db.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${live}_pre_`]);
    for (const { datname } of rows) {
      await db.query(`DROP DATABASE IF EXISTS "${datname.replaceAll('"', '""')}" WITH (FORCE)`);
      if (uploads) rmSync(`${uploads}.pre_${datname.slice(`${live}_pre_`.length)}`, { recursive: true, force: true });
    }
  } finally {
    await db.end();
  }
});
