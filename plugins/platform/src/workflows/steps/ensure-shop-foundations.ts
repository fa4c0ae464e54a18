import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { ensureShopFoundations, type ShopFoundationsInput } from "./shop-foundations";

/** The shop's foundations (see ensureShopFoundations). Idempotent, so it has no compensation. */
export const ensureShopFoundationsStep = createStep("ensure-shop-foundations", async (input: ShopFoundationsInput, { container }) => {
  const made = await ensureShopFoundations(container, input);
  return new StepResponse({ counter_channel_id: made.counter_channel_id, online_channel_id: made.online_channel_id });
});
