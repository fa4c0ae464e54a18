import { expect, test, type Page } from "@playwright/test";
import { InventoryApi } from "@voltura/medusa-client";
import { z } from "zod";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/** On-hand of an item at the shop, read from the levels table searched by SKU. */
async function onHand(page: Page, sku: string): Promise<number> {
  await page.goto(`/inventory?q=${encodeURIComponent(sku)}`);
  const cell = page.locator(`[data-testid="level-row"][data-sku="${sku}"]`).getByTestId("on-hand");
  await expect(cell).toBeVisible();
  return Number(await cell.textContent());
}

/**
 * A USB scanner: the whole code and Enter in one burst, nothing focused. The keys are dispatched in
 * the page in one go (as the device sends them); typing them over the DevTools protocol can leave
 * gaps of 100 ms on a loaded machine, which rightly reads as a person typing.
 */
async function scannerBurst(page: Page, code: string): Promise<void> {
  await page.evaluate((keys) => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const key of keys) window.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }));
  }, [...code, "Enter"]);
}

test("a manager receives part of a purchase order and sees the stock level change", async ({ page }) => {
  await signInAs(page, demo.manager);
  const before = await onHand(page, "PART-RN12-LCD-CMP");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Inventory" }).click();
  await page.getByRole("navigation", { name: "Inventory" }).getByRole("link", { name: "Purchase orders" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Purchase orders" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "KL Mobile Parts Sdn Bhd" }).filter({ hasText: "Partially received" });
  await row.getByRole("link").click();
  await expect(page.getByTestId("po-status")).toHaveText("Partially received");

  await page.getByRole("button", { name: "Receive delivery" }).click();
  const dialog = page.getByRole("dialog", { name: /Receive delivery/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel(/Redmi Note 12 Screen/).fill("2");
  await dialog.getByLabel("Delivery note").fill("Second box");
  await dialog.getByRole("button", { name: "Book receipt" }).click();
  await expect(page.getByRole("status")).toContainText("Received 2 units; the order is partially received");
  await expect(page.getByTestId("po-line").filter({ hasText: "Redmi Note 12 Screen" }).getByTestId("po-line-received")).toHaveText("2");

  expect(await onHand(page, "PART-RN12-LCD-CMP")).toBe(before + 2);
  await page.getByTestId("level-row").first().getByRole("link").click();
  await expect(page.getByTestId("ledger-row").first()).toHaveAttribute("data-kind", "receipt");
});

test("a stock take counted with the barcode scanner is reviewed and posted", async ({ page }) => {
  await signInAs(page, demo.manager);
  await page.goto("/inventory/stock-takes");
  await page.getByLabel("Note").fill("E2E shelf count");
  await page.getByRole("button", { name: "Start a stock take" }).click();
  await expect(page).toHaveURL(/\/inventory\/stock-takes\/stk_/);

  const cable = page.locator('[data-testid="take-line"][data-sku="ACC-USBC-1M"]');
  const counted = cable.getByTestId("counted");
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  for (const expected of ["1", "2"]) {
    await scannerBurst(page, "9555000200029");
    await expect(counted).toHaveValue(expected);
  }
  // A typed count for another item.
  const charger = page.locator('[data-testid="take-line"][data-sku="ACC-CHG-20W"]');
  await charger.getByTestId("counted").fill("15");
  await charger.getByRole("button", { name: "Set" }).click();
  await expect(charger.getByTestId("counted")).toHaveValue("15");
  await expect(cable.getByTestId("variance")).not.toHaveText("+0");

  await page.getByRole("button", { name: "Post differences" }).click();
  await expect(page.getByTestId("take-status")).toHaveText("Posted");
  await expect(page.getByRole("status")).toContainText("to the ledger");
  expect(await onHand(page, "ACC-USBC-1M")).toBe(2);
});

test("posting the count that took cables below their threshold WhatsApped the manager through the gateway", async () => {
  // The stock take above left two cables, below the reorder threshold (8): the manager (metadata.phone) gets an alert.
  const messages = z.object({ messages: z.array(z.object({ body: z.string(), context_kind: z.string().nullable() }).passthrough()) }).passthrough();
  await expect
    .poll(async () => {
      const answer = await commerceAsOwner().request("GET", `/admin/whatsapp/messages?phone=${encodeURIComponent("+60129990011")}`, messages);
      return answer.messages.filter((m) => m.context_kind === "alert").map((m) => m.body);
    }, { timeout: 15_000 })
    .toContainEqual(expect.stringContaining("Low stock: USB-C Cable 1m (ACC-USBC-1M) at Shop is down to 2"));
});

test("the demo shop's stock still equals its movement ledger (seed, counter sales, repairs and the above)", async () => {
  const check = await new InventoryApi(commerceAsOwner()).ledgerCheck();
  expect(check.mismatches).toEqual([]);
  expect(check.ok).toBe(true);
  expect(check.levels_checked).toBeGreaterThan(0);
});
