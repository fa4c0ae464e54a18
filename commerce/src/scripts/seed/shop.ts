import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ensureShopFoundations } from "@voltura/plugin-platform/workflows/steps/shop-foundations";

export interface ShopRefs {
  regionId: string;
  counterChannelId: string;
  onlineChannelId: string;
  stockLocationId: string;
}

/** Region Malaysia in MYR with SST 8%, sales channels Counter and Online, stock location Shop. Idempotent. */
export async function seedShop(container: MedusaContainer): Promise<ShopRefs> {
  const made = await ensureShopFoundations(container, {
    shop_name: "Voltura Demo Repair",
    address: { address_1: "12 Jalan Tun Razak", city: "Kuala Lumpur", postal_code: "50400" },
    sst_rate_percent: 8,
    created_by: "seed",
  });
  container.resolve(ContainerRegistrationKeys.LOGGER).info("Demo shop foundations ready (region Malaysia, Counter and Online, stock location Shop)");
  return { regionId: made.region_id, counterChannelId: made.counter_channel_id, onlineChannelId: made.online_channel_id, stockLocationId: made.stock_location_id };
}
