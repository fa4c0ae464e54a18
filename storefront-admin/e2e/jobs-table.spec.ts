import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/** Three jobs only this run has (found by a word in their customers' names), one of them urgent. */
const stamp = `Tbl${Date.now().toString(36)}`;
const jobs: Array<{ id: string; number: string; urgent: boolean }> = [];

test.beforeAll(async () => {
  const commerce = commerceAsOwner();
  for (const [i, priority] of (["normal", "urgent", "low"] as const).entries()) {
    const job = await commerce.createRepairJob({
      customer: { name: `${stamp} Customer ${i + 1}`, phone: `011-${String(20_000_000 + Math.floor(Math.random() * 9_999_999))}` },
      device_type: "phone",
      brand: "Samsung",
      model: `Galaxy A${50 + i}`,
      issue: "Battery drains overnight",
      priority,
    });
    jobs.push({ id: job.id, number: job.job_number, urgent: priority === "urgent" });
  }
});

const rowNumbers = (page: Page) => page.getByTestId("job-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-job-number")));

test("sort, filter, presets, export and a bulk status change on the jobs list", async ({ page, browser }) => {
  // Two members signed in and a dozen round trips: longer than one page's default budget.
  test.setTimeout(120_000);
  await signInAs(page, demo.manager);
  await page.goto(`/jobs?q=${stamp}`);
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  const created = page.getByRole("columnheader", { name: /Created/ });
  await expect(created).toHaveAttribute("aria-sort", "descending");
  expect(await rowNumbers(page)).toEqual(jobs.map((j) => j.number).toReversed());

  // Sort: the header is a button; the order lives in the URL.
  await created.getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=created_at(&|$)/);
  await expect(created).toHaveAttribute("aria-sort", "ascending");
  expect(await rowNumbers(page)).toEqual(jobs.map((j) => j.number));
  await expect(page.getByRole("columnheader", { name: /SLA/ })).toHaveAttribute("aria-sort", "none");

  // Filter: urgent only, the sort kept.
  await page.getByLabel("Priority", { exact: true }).selectOption({ label: "Urgent" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/priority=urgent/);
  await expect(page).toHaveURL(/sort=created_at/);
  const urgent = jobs.find((j) => j.urgent)!;
  expect(await rowNumbers(page)).toEqual([urgent.number]);

  // Export: the CSV holds exactly the filtered view.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^repair-jobs-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path())).toString("utf8").replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^Job number,Status,Priority,Customer,Phone,/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^${urgent.number},Pending,Urgent,${stamp} Customer 2,`));

  // Presets: a personal one and a shared one.
  const savePreset = async (name: string, shared: boolean) => {
    await page.getByText("Presets", { exact: false }).first().click();
    await page.getByLabel("Preset name").fill(name);
    if (shared) await page.getByLabel("Share with the shop").check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("status")).toContainText(`Preset “${name}” saved.`);
  };
  await savePreset(`${stamp} mine`, false);
  await savePreset(`${stamp} shop`, true);

  // A colleague sees the shared preset, not the personal one; it opens the same view.
  const colleague = await browser.newPage();
  await signInAs(colleague, demo.cashier);
  await colleague.goto("/jobs");
  await colleague.getByTestId("preset-menu").locator("summary").click();
  await expect(colleague.getByRole("link", { name: `${stamp} mine` })).toHaveCount(0);
  await colleague.getByRole("link", { name: `${stamp} shop` }).click();
  await expect(colleague).toHaveURL(/priority=urgent/);
  await expect(colleague.getByTestId("job-row")).toHaveCount(1);
  await expect(colleague.getByRole("button", { name: `Delete preset ${stamp} shop` })).toHaveCount(0);
  await colleague.close();

  // Bulk: two of the three jobs to In Progress.
  await page.goto(`/jobs?q=${stamp}&sort=created_at`);
  await expect(page.getByTestId("job-row")).toHaveCount(3);
  await page.getByRole("checkbox", { name: `Select ${jobs[0]!.number}` }).check();
  await page.getByRole("checkbox", { name: `Select ${jobs[2]!.number}` }).check();
  const bar = page.getByRole("region", { name: "Bulk actions" });
  await expect(bar).toContainText("2 selected");
  await bar.getByLabel("Move the selected jobs to").selectOption({ label: "In Progress" });
  await bar.getByRole("button", { name: "Change status" }).click();
  await expect(page.getByTestId("bulk-result")).toContainText("2 jobs moved.");
  const row = (n: string) => page.locator(`[data-testid="job-row"][data-job-number="${n}"]`);
  await expect(row(jobs[0]!.number)).toContainText("In Progress");
  await expect(row(jobs[1]!.number)).toContainText("Pending");
  await expect(row(jobs[2]!.number)).toContainText("In Progress");

  // Tidy up the presets (the author may delete both).
  await page.getByTestId("preset-menu").locator("summary").click();
  for (const name of [`${stamp} mine`, `${stamp} shop`]) {
    await page.getByRole("button", { name: `Delete preset ${name}` }).click();
    await expect(page.getByRole("link", { name })).toHaveCount(0);
  }
});
