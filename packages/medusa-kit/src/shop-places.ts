import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { COUNTER_CHANNEL_NAME, SHOP_CURRENCY, SHOP_LOCATION_NAME, SHOP_REGION_NAME } from "@voltura/domain";

/**
 * The places the shop sells from, looked up by the names setup gives them (@voltura/domain
 * shop-places). Each lookup answers 404 naming the place, and `why` says what needs it.
 */

/** The "Shop" stock location's id. */
export async function findShopLocationId(container: MedusaContainer, why: string): Promise<string> {
  const [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: SHOP_LOCATION_NAME }, { take: 1 });
  if (!location) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No stock location named "${SHOP_LOCATION_NAME}": ${why}`);
  return location.id;
}

/** The "Counter" sales channel's id. */
export async function findCounterChannelId(container: MedusaContainer, why: string): Promise<string> {
  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: COUNTER_CHANNEL_NAME }, { take: 1 });
  if (!channel) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No sales channel named "${COUNTER_CHANNEL_NAME}": ${why}`);
  return channel.id;
}

/** The "Malaysia" region's id, else any MYR region's. */
export async function findShopRegionId(container: MedusaContainer, why: string): Promise<string> {
  const regions = container.resolve(Modules.REGION);
  const [region] = await regions.listRegions({ name: SHOP_REGION_NAME }, { take: 1 });
  if (region) return region.id;
  const [myr] = await regions.listRegions({ currency_code: SHOP_CURRENCY }, { take: 1 });
  if (!myr) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No region "${SHOP_REGION_NAME}" (MYR): ${why}`);
  return myr.id;
}
