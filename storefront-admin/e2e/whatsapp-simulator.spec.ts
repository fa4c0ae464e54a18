import { expect, test } from "@playwright/test";
import { demo, signInAs } from "./helpers";

test.describe("WhatsApp simulator", () => {
  test("a customer's message goes through the gateway and shows in the log, linked to the customer", async ({ page }) => {
    await signInAs(page, demo.manager);

    await page.goto("/whatsapp/sessions");
    const shop = page.getByTestId("session-card").filter({ hasText: "Shop (simulator)" });
    await expect(shop.getByTestId("session-state")).toHaveText("Connected");

    await page.goto("/whatsapp/simulator");
    await page.getByLabel("Customer phone").fill("011-2345 6789");
    await page.getByRole("button", { name: "Open chat" }).click();
    await expect(page.getByTestId("chat-phone")).toHaveText("011-2345 6789");

    const text = `status phone saya? (e2e ${Date.now()})`;
    await page.getByLabel("Message").fill(text);
    await page.getByRole("button", { name: "Send", exact: true }).click();
    const sent = page.getByTestId("chat-message").filter({ hasText: text });
    await expect(sent).toHaveAttribute("data-direction", "in");
    await expect(page.getByLabel("Message")).toHaveValue("");

    await page.goto("/whatsapp/messages?phone=011-2345%206789");
    const row = page.getByTestId("message-row").filter({ hasText: text });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("In");
    const customer = row.getByTestId("customer-link");
    await expect(customer).toHaveText("Nurul Huda");
    await customer.click();
    await expect(page).toHaveURL(/\/customers\/cus_/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Nurul Huda");
  });

  test("seeded chats show the shop's replies with their delivery ticks", async ({ page }) => {
    await signInAs(page, demo.manager);
    await page.goto("/whatsapp/simulator?phone=%2B60123456789");
    const reply = page.getByTestId("chat-message").filter({ hasText: "masih dalam pembaikan" });
    await expect(reply).toHaveAttribute("data-direction", "out");
    await expect(reply.getByTestId("status-ticks")).toHaveAttribute("aria-label", "Read");
  });

  for (const [role, email] of [["cashier", demo.cashier], ["technician", demo.technician]] as const) {
    test(`a ${role} cannot open the simulator, nor see it in the menu`, async ({ page }) => {
      await signInAs(page, email);
      const response = await page.goto("/whatsapp/simulator");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("link", { name: "WhatsApp simulator" })).toHaveCount(0);
    });
  }

  test("a technician sees the sessions' health but no pairing controls", async ({ page }) => {
    await signInAs(page, demo.technician);
    await page.goto("/whatsapp/sessions");
    await expect(page.getByTestId("session-card").filter({ hasText: "Shop (simulator)" }).getByTestId("session-state")).toHaveText("Connected");
    await expect(page.getByRole("button", { name: /Pair again|Simulate the scan|Add number/ })).toHaveCount(0);
    await expect(page.getByRole("img", { name: /Pairing QR code/ })).toHaveCount(0);
  });
});
