import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

// The repair desk's new forms post as plain HTML too.
test.use({ javaScriptEnabled: false });

test("without JavaScript: intake with the warranty check, parts and labour, then a move on the board", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.goto("/jobs/new");
  await page.getByLabel("Customer name").fill("Nurul Huda");
  await page.getByLabel("Phone number").fill("011-2345 6789");
  await page.getByLabel("Brand").fill("Xiaomi");
  await page.getByLabel("Model").fill("Redmi Note 12");
  await page.getByLabel("IMEI / serial no.").fill("SN-NOJS-" + Date.now().toString(36).toUpperCase());
  await page.getByRole("checkbox", { name: "Charger" }).check();
  await page.getByLabel("Deposit (RM)").fill("20");
  await page.getByLabel("Reported issue").fill("Display lines after a drop");

  // "Check warranty" posts the form and comes back with the answer and everything typed.
  await page.getByRole("button", { name: "Check warranty" }).click();
  await expect(page.getByTestId("warranty-panel")).toContainText("No warranty on record for this device.");
  await expect(page.getByLabel("Customer name")).toHaveValue("Nurul Huda");
  await expect(page.getByRole("checkbox", { name: "Charger" })).toBeChecked();

  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByTestId("job-status")).toHaveText("Pending");
  await expect(page.getByTestId("job-deposit")).toHaveText("RM 20.00");
  await expect(page.getByTestId("job-accessories")).toContainText("Charger");
  const jobNumber = (await page.getByTestId("job-number").textContent())?.trim() ?? "";

  // The parts search is a GET form; each result is its own add form.
  await page.getByRole("searchbox", { name: "Search parts" }).fill("tempered glass");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const part = page.locator('[data-testid="part-result"][data-sku="ACC-TG-UNIV"]');
  await part.getByRole("button", { name: /^Add / }).click();
  await expect(page.getByRole("status")).toContainText("added and reserved");
  await page.getByLabel("Labour", { exact: true }).fill("Display reseat");
  await page.getByLabel("Fixed price (RM)").fill("40");
  await page.getByRole("radio", { name: "Fixed price" }).check();
  await page.getByRole("button", { name: "Add labour" }).click();
  await expect(page.locator('[data-testid="billing-line"][data-kind="labour"]')).toContainText("RM 40.00");
  // Removing the part puts it back on the shelf.
  await page.getByRole("button", { name: "Remove Tempered Glass Screen Protector" }).click();
  await expect(page.getByRole("status")).toContainText("Line removed");
  await expect(page.locator('[data-testid="billing-line"][data-kind="part"]')).toHaveCount(0);

  await page.goto("/jobs/board");
  const card = page.locator(`[data-testid="board-card"][data-job-number="${jobNumber}"]`);
  await card.getByText("Move to…").click();
  await card.getByRole("button", { name: "Awaiting Parts" }).click();
  await expect(page.getByRole("status")).toContainText(`${jobNumber} moved to Awaiting Parts.`);
  await expect(page.locator('[data-testid="board-column"][data-status="awaiting_parts"]')).toContainText(jobNumber);
});
