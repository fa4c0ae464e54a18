import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/**
 * Live updates between two staff members in two browsers: the manager moves a job on from its
 * workspace; the owner's jobs list, board, job workspace and dashboard show it within 2 s of the
 * manager's request finishing, without a reload. A change made while the owner's stream was cut
 * shows once it is back (the stream resumes after the last change it saw).
 */
const stamp = `Live${Date.now().toString(36)}`;
let made = 0;

async function newJob(): Promise<{ id: string; number: string }> {
  made += 1;
  const job = await commerceAsOwner().createRepairJob({
    customer: { name: `${stamp} Customer ${made}`, phone: `011-${String(30_000_000 + Math.floor(Math.random() * 9_999_999))}` },
    device_type: "phone",
    brand: "Oppo",
    model: `Reno ${made}`,
    issue: "Does not charge",
    priority: "normal",
  });
  return { id: job.id, number: job.job_number };
}

let manager: Page;
let owner: Page;

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, email);
  return page;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  manager = await signedIn(browser, demo.manager);
  owner = await signedIn(browser, demo.owner);
});

test.afterAll(async () => {
  await manager?.context().close();
  await owner?.context().close();
});

/** The shell's indicator says the tab's stream is connected. */
async function whenLive(page: Page, timeout = 10_000): Promise<void> {
  await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live", { timeout });
}

/** The manager presses a "move to" button on the job's workspace; resolves once that request has finished. */
async function moveJob(job: { id: string }, to: RegExp): Promise<void> {
  if (!manager.url().endsWith(`/jobs/${job.id}`)) await manager.goto(`/jobs/${job.id}`);
  const button = manager.locator('form[action="?/status"]').getByRole("button", { name: to });
  await expect(button).toBeEnabled();
  const answered = manager.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("?/status"));
  await button.click();
  const response = await answered;
  expect(response.status()).toBe(200);
  await response.finished();
}

const within2s = { timeout: 2_000 };
const row = (page: Page, job: { number: string }): Locator => page.locator(`[data-testid="job-row"][data-job-number="${job.number}"]`);

test("the jobs list shows another staff member's change within 2 s", async () => {
  const job = await newJob();
  await owner.goto(`/jobs?q=${encodeURIComponent(job.number)}`);
  await expect(row(owner, job)).toContainText(/pending/i);
  await whenLive(owner);

  await moveJob(job, /^in progress$/i);
  await expect(row(owner, job).getByText(/in progress/i)).toBeVisible(within2s);
});

test("the board moves the card within 2 s", async () => {
  const job = await newJob();
  await owner.goto("/jobs/board");
  const card = (status: string) => owner.locator(`[data-testid="board-column"][data-status="${status}"] [data-testid="board-card"][data-job-number="${job.number}"]`);
  await expect(card("pending")).toBeVisible();
  await whenLive(owner);

  await moveJob(job, /^awaiting parts$/i);
  await expect(card("awaiting_parts")).toBeVisible(within2s);
  await expect(card("pending")).toHaveCount(0);
});

test("the job workspace reloads with a note, and keeps what the other person is typing", async () => {
  const job = await newJob();
  await owner.goto(`/jobs/${job.id}`);
  await expect(owner.getByTestId("job-status")).toContainText(/pending/i);
  await whenLive(owner);

  await moveJob(job, /^in progress$/i);
  await expect(owner.getByTestId("job-status").getByText(/in progress/i)).toBeVisible(within2s);
  const note = owner.getByTestId("job-changed-note");
  await expect(note).toBeVisible(within2s);
  await expect(note).toContainText("Updated by someone else");
  // The one who made the change gets no such note.
  await expect(manager.getByTestId("job-changed-note")).toHaveCount(0);

  // Half-way through a form, the page is not reloaded under the owner's hands: the note offers the changes.
  const typed = "Charging port full of lint";
  await owner.locator('form[action="?/status"]').getByLabel(/note/i).fill(typed);
  await moveJob(job, /^awaiting parts$/i);
  await expect(note).toHaveAttribute("data-state", "kept", within2s);
  await expect(owner.getByTestId("job-status")).toContainText(/in progress/i);
  await expect(owner.locator('form[action="?/status"]').getByLabel(/note/i)).toHaveValue(typed);
  await note.getByRole("button", { name: "Show the changes" }).click();
  await expect(owner.getByTestId("job-status")).toContainText(/awaiting parts/i);
});

test("the dashboard shows the change within 2 s", async () => {
  const job = await newJob();
  await owner.goto("/");
  await expect(row(owner, job)).toContainText(/pending/i);
  await whenLive(owner);

  await moveJob(job, /^in progress$/i);
  await expect(row(owner, job).getByText(/in progress/i)).toBeVisible(within2s);
});

/** Makes the tab look hidden or shown again, as switching browser tabs does. */
async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, "visibilityState", { value: h ? "hidden" : "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}

test("after the stream is cut and comes back, a change made meanwhile shows", async () => {
  test.setTimeout(120_000);
  const job = await newJob();
  await owner.goto(`/jobs?q=${encodeURIComponent(job.number)}`);
  await expect(row(owner, job)).toContainText(/pending/i);
  await whenLive(owner);

  // A tab hidden for 30 s gives its connection back.
  await setTabHidden(owner, true);
  await expect(owner.getByTestId("live-indicator")).toHaveAttribute("data-state", "paused", { timeout: 40_000 });
  await moveJob(job, /^in progress$/i);
  await owner.waitForTimeout(1_000);
  await expect(row(owner, job)).toContainText(/pending/i);

  // Shown again: the stream resumes after the last change it saw and replays the one made meanwhile.
  await setTabHidden(owner, false);
  await whenLive(owner);
  await expect(row(owner, job).getByText(/in progress/i)).toBeVisible(within2s);
});
