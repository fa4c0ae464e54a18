import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

test("an owner exports the audit trail and finds the export in it; a cashier cannot open it", async ({ page, browser }) => {
  await signInAs(page, demo.owner);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { name: "Audit trail", level: 1 })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\n")[0]).toBe("occurred_at_utc,occurred_at_shop_time,actor_name,actor_role,actor_id,action,entity,entity_id,changes,metadata,ip,request_id,id");

  // The export is itself in the trail.
  await page.getByLabel("Action").fill("export.audit");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=export\.audit/);
  const row = page.getByTestId("audit-row").first();
  await expect(row).toContainText("export.audit");
  await expect(row).toContainText("Owner");

  const other = await browser.newContext();
  const cashier = await other.newPage();
  await signInAs(cashier, demo.cashier);
  await expect(cashier.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" })).toHaveCount(0);
  const refused = await cashier.goto("/audit");
  expect(refused?.status()).toBe(403);
  await other.close();
});
