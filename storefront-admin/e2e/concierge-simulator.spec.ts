import { expect, test, type Page } from "@playwright/test";
import { demo, signInAs } from "./helpers";

const HANDOFF_TEXT = "Tunggu sebentar, teknisi kami akan melayan anda";

/**
 * Opens the simulator as the customer and sends one message. Right after start-up the gateway may
 * not own the simulator session yet (it answers "pair it first"), so the send is retried briefly.
 */
async function sayAsCustomer(page: Page, phone: string, text: string) {
  await page.goto(`/whatsapp/simulator?phone=${encodeURIComponent(phone)}`);
  await expect(async () => {
    await page.getByLabel("Message").fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    // The box empties only when the gateway took the message; on "pair it first" it keeps the text.
    await expect(page.getByLabel("Message")).toHaveValue("", { timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("chat-message").filter({ hasText: text })).toHaveAttribute("data-direction", "in");
}

/** The shop's replies in the simulator's chat (they arrive through the conversation workflow). */
const shopReplies = (page: Page) => page.locator('[data-testid="chat-message"][data-direction="out"]');

test.describe("AI concierge through the WhatsApp simulator", () => {
  test("a demo customer asks for their status in BM and gets their own job's status", async ({ page }) => {
    // The simulator is for owners and managers.
    await signInAs(page, demo.manager);
    // The seeded chats already hold a "status phone saya?": make this one unique.
    await sayAsCustomer(page, "012-345 6789", `status phone saya? (e2e ${Date.now()})`);
    // Aisyah's seeded iPhone 13 job is Pending: the offline concierge answers in BM from the job tool.
    await expect(shopReplies(page).filter({ hasText: "Diterima, menunggu pemeriksaan" }).last()).toContainText(/Status job VSH-\d{4}-\d{6} \(Apple iPhone 13\)/, { timeout: 30_000 });
  });

  test("a device the shop has no record of gets the exact fallback, and staff answer from the inbox", async ({ page }) => {
    const phone = `019-${String(Date.now()).slice(-7, -4)} ${String(Date.now()).slice(-4)}`;
    await signInAs(page, demo.manager);
    await sayAsCustomer(page, phone, "Boleh repair drone DJI Mini saya?");
    await expect(shopReplies(page).last()).toHaveText(new RegExp(`^${HANDOFF_TEXT}`), { timeout: 30_000 });

    // The handoff is in the inbox; the manager opens the chat and answers.
    await page.goto("/inbox");
    const row = page.getByTestId("handoff-row").filter({ hasText: phone });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: "Open chat" }).click();
    await expect(page.getByTestId("handoff-banner")).toContainText("Handed to a person");
    await expect(page.getByTestId("inbox-message").filter({ hasText: "drone DJI" })).toHaveAttribute("data-direction", "in");

    const answer = "Maaf, kami tidak baiki drone. We do not repair drones, sorry!";
    await page.getByLabel("Reply to the customer").fill(answer);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByTestId("inbox-message").filter({ hasText: answer })).toHaveAttribute("data-direction", "out");
    await expect(page.getByTestId("handoff-banner")).toContainText("has it");

    // While the handoff is open the bot stays quiet: the customer's next message gets no bot reply.
    await sayAsCustomer(page, phone, "ok terima kasih");
    const repliesSoFar = await shopReplies(page).count();
    await page.waitForTimeout(5_000); // a bot reply would arrive within a second or two
    await page.reload();
    await expect(shopReplies(page)).toHaveCount(repliesSoFar);
    await expect(shopReplies(page).last()).toContainText("We do not repair drones");

    // The customer sees the technician's answer; closing the handoff gives the chat back to the bot.
    await page.goto(`/inbox/${encodeURIComponent(phone)}`);
    await page.getByRole("button", { name: "Close handoff (bot resumes)" }).click();
    await expect(page.getByText("The concierge is answering this chat.")).toBeVisible();
    await sayAsCustomer(page, phone, "pukul berapa kedai buka?");
    await expect(shopReplies(page).last()).toContainText("Kami buka", { timeout: 30_000 });
  });

  test("the knowledge base answers a price question in the test box", async ({ page }) => {
    await signInAs(page, demo.manager);
    await page.goto("/knowledge");
    await expect(page.getByTestId("knowledge-document")).toHaveCount(4);
    await page.getByLabel("Customer question").fill("how much to replace iPhone 13 screen");
    await page.getByRole("button", { name: "Try it", exact: true }).click();
    await expect(page.getByTestId("knowledge-test-reply")).toContainText("RM 430");
  });
});
