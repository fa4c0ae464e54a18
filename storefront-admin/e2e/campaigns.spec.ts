import { mkdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import {
  CampaignsApi,
  dispatchNext,
  dispatchSent,
  getEmergencyStop,
  getWhatsAppHealth,
  releaseEmergencyStop,
  updateCampaignSender,
} from "@voltura/medusa-client";
import { commerceAsOwner, commerceAsSystem } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/**
 * A campaign end to end: built in the console with a filter, variables and media; previewed and
 * test-sent; launched (the progress bar moves), paused; the emergency stop pressed; the opt-out link
 * opened as the customer; the analytics read and the CSV exported and checked row by row.
 */

const SHOTS = process.env.VSH_SHOTS_DIR ?? "/tmp/vsh/shots";
const stamp = Date.now().toString(36);
const TAG = `e2e-camp-${stamp}`;
/** Unique Malaysian mobiles (019 + 7 digits) for this run. */
const phones = [0, 1, 2].map((i) => `019${String((Date.now() + i * 7919) % 10_000_000).padStart(7, "0")}`);
const names = ["Aminah Campaign", "Boon Campaign", "Chandra Campaign"];
const e164 = (local: string) => `+60${local.slice(1)}`;
/** A 1×1 PNG: the campaign's image, uploaded once. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

let sessionId = "";

/** RFC 4180, enough for the exports (quoted cells, doubled quotes, CRLF, a BOM). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") endCell();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c !== ""));
}

async function axeClean(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const problems = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`);
  expect.soft(problems, `axe on ${what}`).toEqual([]);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const owner = commerceAsOwner();
  // The gateway connects the demo's simulator number shortly after commerce starts.
  await expect
    .poll(async () => (await getWhatsAppHealth(owner)).sessions.find((s) => s.name === "Shop (simulator)" && s.state === "open")?.id ?? "", {
      message: "the demo's simulator number is connected",
      timeout: 60_000,
    })
    .not.toBe("");
  sessionId = (await getWhatsAppHealth(owner)).sessions.find((s) => s.name === "Shop (simulator)")!.id;
  // Any hour, any day, short gaps: the test runs at whatever time it is in Kuala Lumpur.
  await updateCampaignSender(owner, sessionId, {
    window_start: "00:00",
    window_end: "23:59",
    weekend_days: [],
    holidays: [],
    gap_min_seconds: 15,
    gap_max_seconds: 20,
    extra_pause_every: 0,
    daily_cap: 1000,
    warmup_days: 0,
  });
  for (const [i, phone] of phones.entries()) await owner.createCrmCustomer({ name: names[i]!, phone, tags: [TAG] });
});

test.afterAll(async () => {
  // Leave the stack as found: the stop released (the test also releases it through the UI).
  const owner = commerceAsOwner();
  if ((await getEmergencyStop(owner)).stopped) await releaseEmergencyStop(owner);
});

test("build, preview, test-send, launch, pause, emergency stop, opt out, analytics and CSV", async ({ page, browser }) => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  page.on("dialog", (d) => void d.accept());
  await signInAs(page, demo.manager);

  // 1. Build: the nav entry, the builder with a filter, variables (picker + fallback), formatting and media.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("WhatsApp campaigns");
  await page.getByRole("link", { name: "New campaign" }).click();
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(`Screen promo ${stamp}`);
  await page.getByLabel(/Shop \(simulator\)/).check();

  const bm = page.getByRole("textbox", { name: "Message in Bahasa Malaysia" });
  await bm.fill("Hai {nama}, promosi skrin untuk ");
  await bm.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
  await page.getByRole("button", { name: "Insert Device model (MS)" }).click();
  await expect(bm).toHaveValue("Hai {nama}, promosi skrin untuk {model}");
  await bm.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(12, 25));
  await page.getByRole("button", { name: "Bold (MS)" }).click();
  await expect(bm).toHaveValue("Hai {nama}, *promosi skrin* untuk {model}");
  await bm.evaluate((el: HTMLTextAreaElement) => {
    el.value += ". Berhenti: {optout_link}";
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
  // The live preview renders the sample values and WhatsApp's formatting.
  const livePreview = page.getByTestId("live-preview-ms");
  await expect(livePreview).toContainText("Hai Aminah, promosi skrin untuk iPhone 13");
  await expect(livePreview.locator("strong")).toHaveText("promosi skrin");
  await page.getByRole("textbox", { name: "Message in English" }).fill("Hi {nama}, _screen_ promo for {model}. Stop: {optout_link}");
  await expect(page.getByTestId("live-preview-en").locator("em")).toHaveText("screen");
  await page.getByLabel("{model} · Device model").fill("peranti anda");
  await page.getByLabel(/Image, PDF or video/).setInputFiles({ name: `promo-${stamp}.png`, mimeType: "image/png", buffer: PNG });

  await page.getByLabel("Tags (any of, comma separated)").fill(TAG);
  await expect(page.getByTestId("audience-eligible")).toHaveText("3");
  await axeClean(page, "the campaign builder");
  await page.screenshot({ path: `${SHOTS}/campaign-builder.png`, fullPage: true });
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page).toHaveURL(/\/campaigns\/camp_[^/?]+\?saved=1$/);
  const campaignId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByText("Campaign saved.")).toBeVisible();
  await expect(page.getByTestId("campaign-status")).toHaveAttribute("data-status", "draft");
  await expect(page.getByText(`promo-${stamp}.png (image)`)).toBeVisible();

  // 2. Preview for a chosen customer (variables filled, the missing one listed) and a test send.
  await page.getByLabel("Recipient (phone, customer id or recipient id)").fill(phones[0]!);
  await page.getByRole("combobox", { name: "Language", exact: true }).selectOption("ms");
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByTestId("preview-text");
  await expect(preview).toContainText(/Hai Aminah( Campaign)?, promosi skrin untuk peranti anda/);
  await expect(preview.locator("strong")).toHaveText("promosi skrin");
  await expect(page.getByTestId("preview-missing")).toContainText("model");
  await expect(page.getByTestId("audience-missing")).toContainText("{model}: 3 customers → “peranti anda”");
  // The link as sent (the rendered preview may show "_" of the token as italics): the same preview, as text.
  const raw = await new CampaignsApi(commerceAsOwner()).preview(campaignId, { phone: e164(phones[0]!), language: "ms" });
  const optOutPath = /\/optout\/[\w-]+\.[\w-]+/.exec(raw.text)?.[0];
  expect(optOutPath, "the preview carries the customer's signed opt-out link").toBeTruthy();
  await expect(preview).toContainText("/optout/");

  await page.getByLabel("Send a test to (empty: your own number)").fill("019-888 7766");
  await page.getByRole("button", { name: "Test send" }).click();
  await expect(page.getByText(/Test message sent to \+60198887766/)).toBeVisible();
  await axeClean(page, "the campaign page (draft)");

  // 3. Launch; the progress bar moves; the header carries the emergency stop while it runs; pause.
  await page.getByRole("button", { name: "Launch now" }).click();
  await expect(page.getByTestId("campaign-status")).toHaveAttribute("data-status", "running");
  const bar = page.getByRole("progressbar", { name: "Campaign progress" });
  await expect(bar).toBeVisible();
  const initial = Number(await bar.getAttribute("aria-valuenow"));
  expect(initial).toBeLessThan(100);
  await expect(page.getByRole("banner").getByRole("button", { name: "Emergency stop" })).toBeVisible();

  // The worker's pacer sends through the gate; should it not within 20 s (no worker), the test drives
  // the same gate as the worker's system actor would, one send, and records it.
  const started = Date.now();
  let drove = false;
  await expect
    .poll(
      async () => {
        const now = Number(await bar.getAttribute("aria-valuenow"));
        if (now === initial && !drove && Date.now() - started > 20_000) {
          drove = true;
          const system = commerceAsSystem();
          for (let i = 0; i < 5; i++) {
            const next = await dispatchNext(system, { session_id: sessionId });
            if (next.action !== "send") break;
            await dispatchSent(system, { recipient_id: next.recipient_id, message_id: `e2e-${stamp}-${i}` });
            if (next.campaign_id === campaignId) break;
          }
        }
        return now;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBeGreaterThan(initial);
  console.log(`[campaigns.spec] progress moved by ${drove ? "the test driving the gate as the system actor" : "the Temporal worker's pacer"}`);
  await page.screenshot({ path: `${SHOTS}/campaign-running.png`, fullPage: true });

  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByTestId("campaign-status")).toHaveAttribute("data-status", "paused");
  await expect(page.getByTestId("campaign-events")).toContainText("running → paused by");

  // 4. The emergency stop (on every campaign page); the gate then refuses every sender.
  await page.getByRole("main").getByRole("button", { name: "Stop sends" }).click();
  await expect(page.getByRole("banner").getByTestId("emergency-stop")).toHaveAttribute("data-stopped", "true");
  await expect(page.getByRole("banner")).toContainText("Campaign sends stopped");
  const gate = await dispatchNext(commerceAsSystem(), { session_id: sessionId });
  expect(gate).toMatchObject({ action: "wait", reason: "emergency_stop" });

  // 5. The customer opens the opt-out link (no staff session), reads it in BM and confirms.
  const customer = await browser.newContext();
  const optOut = await customer.newPage();
  await optOut.goto(optOutPath!);
  await expect(optOut.getByRole("heading", { level: 1 })).toHaveText("Berhenti menerima mesej promosi");
  await expect(optOut.getByRole("navigation")).toHaveCount(0);
  await axeClean(optOut, "the opt-out page");
  await optOut.getByRole("button", { name: "Ya, hentikan mesej ini" }).click();
  await expect(optOut.getByTestId("optout-done")).toContainText("tidak akan menerima mesej promosi");
  await optOut.screenshot({ path: `${SHOTS}/optout.png`, fullPage: true });
  await optOut.reload();
  await expect(optOut.getByTestId("optout-done")).toBeVisible();
  await customer.close();

  // 6. Analytics and the CSV export.
  await page.reload();
  await expect(page.getByTestId("count-opted_out").locator("dd")).toHaveText("1");
  await expect(page.getByTestId("recipient-row")).toHaveCount(3);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  const [header, ...body] = parseCsv(readFileSync((await download.path())!, "utf8"));
  const rows = body.map((cells) => Object.fromEntries(cells.map((cell, i) => [header![i], cell])));
  expect(header).toEqual(expect.arrayContaining(["phone", "status", "sent_at", "opted_out_at"]));
  expect(rows.map((r) => r.phone).sort()).toEqual(phones.map(e164).sort());
  expect(rows.filter((r) => r.status === "sent" || r.status === "delivered" || r.status === "read").length).toBeGreaterThanOrEqual(1);
  expect(rows.find((r) => r.phone === e164(phones[0]!))?.opted_out_at).not.toBe("");
  const pdf = await page.request.get(`/campaigns/${campaignId}/export?format=pdf`);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  expect((await pdf.body()).subarray(0, 4).toString()).toBe("%PDF");
  await axeClean(page, "the campaign page (paused, with analytics)");

  // The campaign list counts it as paused; a manager releases the stop from the header.
  await page.goto("/campaigns?status=paused");
  await expect(page.getByTestId("campaign-row").filter({ hasText: `Screen promo ${stamp}` })).toHaveCount(1);
  await page.getByRole("banner").getByRole("button", { name: "Release stop" }).click();
  await expect(page.getByRole("banner")).not.toContainText("Campaign sends stopped");
  expect((await getEmergencyStop(commerceAsOwner())).stopped).toBe(false);
});

test("a cashier may press the emergency stop but not open campaigns nor release the stop", async ({ page }) => {
  await signInAs(page, demo.cashier);
  expect((await page.goto("/campaigns"))?.status()).toBe(403);
  await expect(page.getByRole("link", { name: "Campaigns" })).toHaveCount(0);
  await page.goto("/campaigns/emergency-stop");
  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Stop all campaign sends" }).click();
  await expect(page.getByTestId("emergency-state")).toHaveText("Stopped");
  await expect(page.getByRole("button", { name: /Release/ })).toHaveCount(0);
  await expect(page.getByText("An owner or manager releases the stop.")).toBeVisible();
  const state = await getEmergencyStop(commerceAsOwner());
  expect(state).toMatchObject({ stopped: true, stop_reason: "Emergency stop pressed in the console" });
  await releaseEmergencyStop(commerceAsOwner());
});

test("templates and the blacklist: add, list, remove with a reason, export", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.goto("/campaigns/templates");
  const name = `Pickup nudge ${stamp}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Message").fill("Hai {nama}, *{model}* anda sedia diambil.");
  await page.getByRole("button", { name: "Save template" }).click();
  const card = page.getByTestId("template").filter({ hasText: name });
  await expect(card.locator("strong")).toHaveText("{model}");
  await expect(card).toContainText("Variables: {nama}, {model}");
  await axeClean(page, "the templates page");

  await page.goto("/campaigns/blacklist");
  const phone = `019${String((Date.now() + 104729) % 10_000_000).padStart(7, "0")}`;
  await page.getByLabel("Phone", { exact: true }).last().fill(phone);
  await page.getByLabel("Reason", { exact: true }).first().fill("Asked never to be contacted");
  await page.getByRole("button", { name: "Add", exact: true }).click();
  const row = page.getByTestId("blacklist-row").filter({ hasText: e164(phone) });
  await expect(row).toContainText("Asked never to be contacted");
  await axeClean(page, "the blacklist page");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8");
  expect(csv).toContain(`${e164(phone)},Asked never to be contacted`);
  await row.getByLabel(`Why remove ${e164(phone)}`).fill("Customer asked again");
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByText(`${e164(phone)} removed from the blacklist.`)).toBeVisible();
  await expect(page.getByTestId("blacklist-row").filter({ hasText: e164(phone) })).toHaveCount(0);
});

test("the session monitor shows each number's budget and health", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.goto("/campaigns/senders");
  const sender = page.locator(`[data-testid="sender"][data-session="${sessionId}"]`);
  await expect(sender).toContainText("Shop (simulator)");
  await expect(sender).toContainText(/sent today of a cap of \d+/);
  await axeClean(page, "the session monitor");
  await page.screenshot({ path: `${SHOTS}/campaign-senders.png`, fullPage: true });
});
