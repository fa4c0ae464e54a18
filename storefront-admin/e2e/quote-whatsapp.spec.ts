import { expect, test } from "@playwright/test";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/**
 * The quote confirmation flow end to end: sending a quote starts `quote-<jobNumber>` on Temporal,
 * which sends it through the WhatsApp gateway; the customer answers "setuju" in the simulator, the
 * concierge recognises it and signals the flow, which records the approval through commerce (job
 * In Progress) and confirms it on WhatsApp. The job workspace shows the flow and its outcome.
 */
test("a quote is approved by replying \"setuju\" on WhatsApp", async ({ page }) => {
  test.setTimeout(120_000);
  const commerce = commerceAsOwner();
  // A fresh number each run, so the chat holds only this quote.
  const phone = `+60129${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const job = await commerce.createRepairJob({
    customer: { name: "Nurul Huda", phone },
    device_type: "phone",
    brand: "Samsung",
    model: "Galaxy A54",
    issue: "Battery drains in two hours",
  });
  await commerce.addRepairLine(job.id, { kind: "labour", title: "Battery replacement", unit_price_sen: 12_000 });
  await commerce.sendRepairQuote(job.id);

  await signInAs(page, demo.manager);
  await page.goto(`/whatsapp/simulator?phone=${encodeURIComponent(phone)}`);
  const chat = page.getByTestId("chat-log");
  await expect(chat).toContainText(`kerja ${job.job_number}`, { timeout: 45_000 });
  await expect(chat).toContainText("Balas SETUJU atau TAK SETUJU");

  await page.getByLabel("Message").fill("setuju");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(chat).toContainText("diluluskan", { timeout: 45_000 });

  await page.goto(`/jobs/${job.id}`);
  await expect(page.getByTestId("quote-status")).toContainText("Approved");
  await expect(page.getByTestId("quote-status")).toContainText("on WhatsApp");
  const flow = page.locator(`[data-testid="repair-flow"][data-workflow-id="quote-${job.job_number}"]`);
  await expect(flow.getByTestId("repair-flow-summary")).toHaveText("Approved by WhatsApp reply");
  expect((await commerce.getRepairJob(job.id)).status).toBe("in_progress");
});
