import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { COUNTER_CHANNEL_NAME, SHOP_CURRENCY, SHOP_LOCATION_NAME, SHOP_REGION_NAME } from "@voltura/domain";
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows";

export interface ShopFoundationsInput {
  shop_name: string;
  address: { address_1: string; city?: string; postal_code?: string };
  sst_rate_percent: number;
  /** Who created the publishable key (`setup`, `seed`). */
  created_by: string;
}

export interface ShopFoundations {
  region_id: string;
  counter_channel_id: string;
  online_channel_id: string;
  stock_location_id: string;
}

async function ensureSalesChannel(container: MedusaContainer, name: string, description: string): Promise<string> {
  const [existing] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name });
  if (existing) return existing.id;
  const { result } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name, description }] } });
  return result[0]!.id;
}

/**
 * What every plugin expects to find in a shop: the store in MYR named after the shop, sales
 * channels Counter and Online, region Malaysia with SST, the stock location "Shop" at the shop's
 * address, and the publishable key of the online shop. Idempotent: each part only when missing,
 * so first-run setup and the demo seed share it.
 */
export async function ensureShopFoundations(container: MedusaContainer, input: ShopFoundationsInput): Promise<ShopFoundations> {
  const counterChannelId = await ensureSalesChannel(container, COUNTER_CHANNEL_NAME, "Walk-in sales and repair invoices at the shop counter");
  const onlineChannelId = await ensureSalesChannel(container, "Online", "Orders placed online or through WhatsApp");

  const [store] = await container.resolve(Modules.STORE).listStores();
  if (store) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: { name: input.shop_name, supported_currencies: [{ currency_code: SHOP_CURRENCY, is_default: true }], default_sales_channel_id: counterChannelId },
      },
    });
  }

  let [region] = await container.resolve(Modules.REGION).listRegions({ name: SHOP_REGION_NAME });
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: { regions: [{ name: SHOP_REGION_NAME, currency_code: SHOP_CURRENCY, countries: ["my"], payment_providers: ["pp_system_default"] }] },
    });
    region = result[0]!;
    const [taxRegion] = await container.resolve(Modules.TAX).listTaxRegions({ country_code: "my" });
    if (!taxRegion) {
      await createTaxRegionsWorkflow(container).run({
        input: [{ country_code: "my", provider_id: "tp_system", default_tax_rate: { name: "SST", code: "SST", rate: input.sst_rate_percent } }],
      });
    }
  }

  let [location] = await container.resolve(Modules.STOCK_LOCATION).listStockLocations({ name: SHOP_LOCATION_NAME });
  if (!location) {
    const address = { ...input.address, address_1: input.address.address_1.slice(0, 200), country_code: "MY" };
    const { result } = await createStockLocationsWorkflow(container).run({ input: { locations: [{ name: SHOP_LOCATION_NAME, address }] } });
    location = result[0]!;
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [counterChannelId, onlineChannelId] } });
  }

  const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ title: "Online shop", type: "publishable" });
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Online shop", type: "publishable", created_by: input.created_by }] },
    });
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0]!.id, add: [onlineChannelId] } });
  }
  return { region_id: region.id, counter_channel_id: counterChannelId, online_channel_id: onlineChannelId, stock_location_id: location.id };
}
