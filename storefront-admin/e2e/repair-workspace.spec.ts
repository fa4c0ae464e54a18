import { expect, test, type Locator, type Page } from "@playwright/test";
import { demo, randomImei, signInAs } from "./helpers";

/**
 * The whole repair path on the seeded demo shop, as a manager at the counter and a technician at
 * the bench: intake → slip PDF → diagnosis, part and labour → quote → approval at the counter →
 * completion (stock leaves only now) → pickup with a split payment → the customer's tracking page.
 */

const PART_SKU = "ACC-TG-UNIV";
/** A 1×1 PNG. */
const TINY_PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/** Reads "RM 1,234.50" as sen. */
const sen = (text: string | null) => Math.round(Number((text ?? "").replace(/[^\d.]/g, "")) * 100);
const ringgit = (s: number) => (s / 100).toFixed(2);

/** The document link answers a PDF (fetched with the page's session, as the browser would open it). */
async function expectPdf(page: Page, link: Locator): Promise<void> {
  const href = await link.getAttribute("href");
  const res = await page.request.get(new URL(href!, page.url()).toString());
  expect(res.status(), `${href} answers`).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/pdf");
  expect((await res.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

/** The part's stock as the workspace's part search shows it (stocked on the shelf, reserved for jobs). */
async function partStock(page: Page): Promise<{ stocked: number; reserved: number; result: Locator }> {
  await page.waitForLoadState("networkidle");
  const search = page.getByRole("searchbox", { name: "Search parts" });
  await search.fill("");
  await Promise.all([page.waitForResponse((r) => r.url().includes("/jobs/parts?q="), { timeout: 15_000 }), search.fill("tempered glass")]);
  const result = page.locator(`[data-testid="part-result"][data-sku="${PART_SKU}"]`);
  await expect(result).toBeVisible();
  const stock = result.getByTestId("part-stock");
  return { stocked: Number(await stock.getAttribute("data-stocked")), reserved: Number(await stock.getAttribute("data-reserved")), result };
}

test("the full repair path, from intake to the customer's tracking page", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const imei = randomImei();

  // ---- Intake at the counter (manager) --------------------------------------------------------
  await signInAs(page, demo.manager);
  // Alt+N opens a new intake from anywhere (once the page is interactive).
  await page.waitForLoadState("networkidle");
  await expect(async () => {
    await page.keyboard.press("Alt+N");
    await expect(page.getByRole("heading", { name: "New repair job" })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.waitForLoadState("networkidle");

  // The phone typeahead finds the existing customer; picking her fills the name.
  await page.getByRole("combobox", { name: "Phone number" }).fill("019-887 66");
  const match = page.getByRole("option", { name: /Muthu Krishnan/ });
  await expect(match).toBeVisible();
  await page.getByRole("combobox", { name: "Phone number" }).press("ArrowDown");
  await page.getByRole("combobox", { name: "Phone number" }).press("Enter");
  await expect(page.getByLabel("Customer name")).toHaveValue("Muthu Krishnan");

  await page.getByLabel("Device type").selectOption({ label: "Phone" });
  await page.getByLabel("Brand").fill("Apple");
  await page.getByLabel("Model").fill("iPhone 13");
  await page.getByLabel("IMEI / serial no.").fill(imei.slice(0, 14) + String((Number(imei[14]) + 1) % 10));
  await expect(page.getByText("This is not a valid IMEI")).toBeVisible();
  await page.getByLabel("IMEI / serial no.").fill(imei);
  await expect(page.getByText("Valid IMEI (check digit matches).")).toBeVisible();
  await expect(page.getByTestId("warranty-panel")).toContainText("No warranty on record for this device.");
  await page.getByRole("textbox", { name: "Colour" }).fill("Midnight");
  await page.getByRole("checkbox", { name: "Charger" }).check();
  await page.getByRole("checkbox", { name: "SIM tray" }).check();
  await page.getByLabel("Other accessories").fill("pouch");
  await page.getByLabel("Condition on arrival").fill("Cracked screen, small dent on the frame");
  await page.getByLabel("Reported issue").fill("Screen cracked after a drop; touch still works");
  await page.getByLabel("Priority").selectOption({ label: "High" });
  await page.getByLabel("Deposit (RM)").fill("RM 50");
  await page.getByLabel("Technician (optional)").selectOption({ label: "Ravi Technician" });
  // Ctrl+Enter books it in.
  await page.getByLabel("Reported issue").press("Control+Enter");

  await expect(page).toHaveURL(/\/jobs\/[^/?]+\?created=1$/);
  const jobUrl = page.url().replace(/\?.*$/, "");
  const jobPath = new URL(jobUrl).pathname;
  await expect(page.getByTestId("print-slip-prompt")).toContainText("Print the intake slip");
  await expect(page.getByTestId("job-status")).toHaveText("Pending");
  await expect(page.getByTestId("job-imei")).toHaveText(imei);
  await expect(page.getByTestId("job-accessories")).toContainText("Charger");
  await expect(page.getByTestId("job-accessories")).toContainText("SIM tray");
  await expect(page.getByTestId("job-accessories")).toContainText("pouch");
  await expect(page.getByTestId("job-deposit")).toHaveText("RM 50.00");
  const jobNumber = (await page.getByTestId("job-number").textContent())?.trim() ?? "";

  // The A5 intake slip is a PDF.
  await expectPdf(page, page.getByTestId("print-slip-prompt").getByRole("link", { name: "Print slip (A5)" }));

  // ---- At the bench (technician) --------------------------------------------------------------
  const techContext = await browser.newContext();
  const tech = await techContext.newPage();
  await signInAs(tech, demo.technician);
  const mine = tech.locator(`[data-testid="my-job"][data-job-number="${jobNumber}"]`);
  await expect(mine).toBeVisible();
  await expect(mine.getByTestId("sla-chip")).toContainText(/left/);
  await mine.getByRole("link", { name: jobNumber }).click();
  await expect(tech.getByTestId("job-number")).toHaveText(jobNumber);

  await tech.getByLabel("Diagnosis").fill("OLED cracked, digitiser fine. Replace screen and fit a new protector.");
  await tech.getByRole("button", { name: "Save diagnosis" }).click();
  await expect(tech.getByRole("status")).toContainText("Diagnosis saved.");

  // A photo of the device as it came in, then removed again.
  await tech.getByLabel("Add photos").setInputFiles({ name: "front.png", mimeType: "image/png", buffer: Buffer.from(TINY_PNG, "base64") });
  await tech.getByLabel("Taken").selectOption({ label: "Before repair" });
  await tech.getByLabel("Caption").fill("Front glass cracked");
  await tech.getByRole("button", { name: "Upload" }).click();
  const photo = tech.getByRole("region", { name: "Before repair" }).getByTestId("photo");
  await expect(photo).toHaveCount(1);
  await expect(photo.getByRole("img", { name: "Front glass cracked" })).toBeVisible();
  await photo.getByRole("button", { name: "Delete photo Front glass cracked" }).click();
  await expect(tech.getByText("No photos yet.")).toBeVisible();

  const before = await partStock(tech);
  await before.result.getByLabel("Qty").fill("1");
  await before.result.getByRole("button", { name: /^Add / }).click();
  await expect(tech.locator('[data-testid="billing-line"][data-kind="part"]')).toContainText("Reserved");
  const reserved = await partStock(tech);
  expect(reserved.stocked, "adding a part only reserves it").toBe(before.stocked);
  expect(reserved.reserved).toBe(before.reserved + 1);

  await tech.getByLabel("Labour", { exact: true }).fill("Screen replacement");
  await tech.getByRole("textbox", { name: "Hours" }).fill("1.5");
  await tech.getByLabel("Rate (RM/h)").fill("60");
  await tech.getByRole("button", { name: "Add labour" }).click();
  await expect(tech.locator('[data-testid="billing-line"][data-kind="labour"]')).toContainText("Screen replacement");
  await expect(tech.locator('[data-testid="billing-line"][data-kind="labour"]')).toContainText("RM 90.00");

  await tech.getByRole("button", { name: "Send quote" }).click();
  await expect(tech.getByTestId("job-status")).toHaveText("Awaiting Approval");
  await expectPdf(tech, tech.getByRole("navigation", { name: "Documents" }).getByRole("link", { name: "Quote PDF" }));

  // ---- The customer approves at the counter (manager) ------------------------------------------
  await page.goto(jobUrl);
  await expect(page.getByTestId("job-status")).toHaveText("Awaiting Approval");
  await page.getByLabel("Customer's answer").fill("Approved at the counter");
  await page.getByRole("button", { name: "Approve quote" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("In Progress");
  await expect(page.getByTestId("quote-status")).toContainText("Approved");

  // Still only reserved while the repair is under way.
  await tech.reload();
  expect((await partStock(tech)).stocked).toBe(before.stocked);

  // ---- Completion: the part leaves stock, the invoice is raised ---------------------------------
  await tech.getByRole("button", { name: "Complete repair" }).click();
  await expect(tech.getByTestId("job-status")).toHaveText("Completed");
  await expect(tech.getByTestId("invoice-number")).toHaveText(/^INV-\d{4}-\d{6,}$/);
  await expect(tech.locator('[data-testid="billing-line"][data-kind="part"]')).toContainText("Taken from stock");
  await techContext.close();

  // The completed job's workspace no longer edits parts: read the stock from the same parts search the UI uses.
  const parts = await page.request.get("/jobs/parts?q=tempered%20glass");
  const part = ((await parts.json()) as { parts: { sku: string; stocked: number; reserved: number }[] }).parts.find((p) => p.sku === PART_SKU);
  expect(part?.stocked, "completion takes the part out of stock").toBe(before.stocked - 1);
  expect(part?.reserved).toBe(before.reserved);
  await page.goto(jobUrl);
  await expect(page.getByTestId("invoice-number")).toBeVisible();
  await expectPdf(page, page.getByRole("navigation", { name: "Documents" }).getByRole("link", { name: "Invoice PDF" }));

  // ---- Pickup with cash + DuitNow ---------------------------------------------------------------
  await page.getByRole("link", { name: "Record pickup" }).click();
  const dialog = page.getByRole("dialog", { name: "Record pickup" });
  await expect(dialog).toBeVisible();
  const due = sen(await dialog.getByTestId("pickup-due").textContent());
  expect(due).toBeGreaterThan(2000);
  // Part by DuitNow QR, the rest in cash with RM 10 too much: the change is RM 10.00.
  const duitnow = Math.floor(due / 200) * 100;
  await dialog.getByLabel("DuitNow QR", { exact: true }).fill(ringgit(duitnow));
  await dialog.getByLabel("DuitNow QR reference").fill("DN-E2E");
  await expect(dialog.getByTestId("pickup-balance")).toHaveText(`RM ${ringgit(due - duitnow)}`);
  await dialog.getByLabel("Cash", { exact: true }).fill(ringgit(due - duitnow + 1000));
  await expect(dialog.getByTestId("pickup-change")).toHaveText("RM 10.00");
  await expect(dialog.getByTestId("pickup-balance")).toHaveText("RM 0.00");
  await dialog.getByRole("button", { name: "Record payment and deliver" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Delivered");
  await expect(page.getByRole("status").filter({ hasText: "The job is delivered" })).toContainText("Give RM 10.00 change");

  // ---- The customer's tracking page -----------------------------------------------------------
  const trackingUrl = await page.getByTestId("tracking-link").getAttribute("href");
  expect(trackingUrl).toMatch(/\/track\/[A-Za-z0-9_-]{20,}$/);
  const customer = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await customer.newPage();
  const res = await phone.goto(trackingUrl!);
  expect(res?.status()).toBe(200);
  await expect(phone.getByTestId("tracking-status")).toContainText("Delivered");
  await expect(phone.getByTestId("tracking-job-number")).toHaveText(jobNumber);
  await expect(phone.getByTestId("greeting")).toContainText("Hi Muthu");
  const body = await phone.locator("body").innerText();
  expect(body).not.toContain("Krishnan");
  expect(body).not.toContain("887 6650");
  expect(body).not.toContain(imei);
  await customer.close();

  // ---- Back under warranty: the intake's warranty check offers a claim ---------------------------
  await page.goto("/jobs/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("IMEI / serial no.").fill(imei);
  const panel = page.getByTestId("warranty-panel");
  const thisDevice = panel.getByRole("region", { name: "This device" });
  await expect(thisDevice.getByTestId("active-warranty").first()).toContainText("Under warranty");
  await expect(thisDevice).toContainText(jobNumber);
  await page.getByLabel("Reported issue").fill("Screen flickers again");
  await thisDevice.getByRole("button", { name: "Open a warranty claim" }).first().click();
  await expect(page).toHaveURL(/\/jobs\/[^/?]+\?claimed=1$/);
  await expect(page.getByTestId("print-slip-prompt")).toContainText("Warranty claim opened");
  expect(new URL(page.url()).pathname).not.toBe(jobPath);
  await expect(page.getByTestId("claim-banner")).toContainText("Labour is not charged");

  // A manager voids the labour warranty of the original job (water damage found on inspection).
  await page.goto(jobUrl);
  const labourWarranty = page.getByRole("article", { name: "Warranty on Screen replacement" });
  await labourWarranty.getByText("Claim or void…").click();
  await labourWarranty.getByLabel("Void because of").selectOption({ label: "Water damage" });
  await labourWarranty.getByRole("button", { name: "Void warranty" }).click();
  await expect(labourWarranty).toContainText("Void: water damage");
  await expect(page.getByRole("status")).toContainText("The warranty on Screen replacement is void.");
});

test("a job moves on the board through the keyboard menu of allowed statuses", async ({ page }) => {
  await signInAs(page, demo.cashier);
  await page.goto("/jobs/new");
  await page.getByLabel("Customer name").fill("Lim Ah Kow");
  await page.getByLabel("Phone number").fill("017-555 0101");
  await page.getByLabel("Brand").fill("Samsung");
  await page.getByLabel("Model").fill("Galaxy A54");
  await page.getByLabel("Reported issue").fill("Not charging");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Pending");
  const jobNumber = (await page.getByTestId("job-number").textContent())?.trim() ?? "";

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Job board" }).click();
  await page.waitForLoadState("networkidle");
  const card = page.locator(`[data-testid="board-card"][data-job-number="${jobNumber}"]`);
  await expect(page.locator('[data-testid="board-column"][data-status="pending"]')).toContainText(jobNumber);
  await expect(card.getByTestId("sla-chip")).toContainText(/left/);

  // Only the allowed moves are offered; choose one with the keyboard.
  const toggle = card.getByText("Move to…");
  await toggle.focus();
  await page.keyboard.press("Enter");
  const menu = card.getByRole("button");
  await expect(menu).toHaveText(["In Progress", "Awaiting Approval", "Awaiting Parts", "Cancelled"]);
  await page.keyboard.press("Tab");
  await expect(card.getByRole("button", { name: "In Progress" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(`${jobNumber} moved to In Progress.`);
  await expect(page.locator('[data-testid="board-column"][data-status="in_progress"]')).toContainText(jobNumber);
});

test("an unknown tracking link shows the bilingual not-found page", async ({ page }) => {
  const res = await page.goto("/track/this-token-does-not-exist-0000000000");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Repair not found");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Pembaikan tidak dijumpai");
});
