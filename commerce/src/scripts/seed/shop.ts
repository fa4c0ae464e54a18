import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
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

export interface ShopRefs {
  regionId: string;
  counterChannelId: string;
  onlineChannelId: string;
  stockLocationId: string;
}

async function ensureSalesChannel(container: MedusaContainer, name: string, description: string): Promise<string> {
  const channels = container.resolve(Modules.SALES_CHANNEL);
  const [existing] = await channels.listSalesChannels({ name });
  if (existing) return existing.id;
  const { result } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name, description }] } });
  return result[0]!.id;
}

/** Region Malaysia in MYR with SST, sales channels Counter and Online, stock location Shop. Idempotent. */
export async function seedShop(container: MedusaContainer): Promise<ShopRefs> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const counterChannelId = await ensureSalesChannel(container, "Counter", "Walk-in sales and repair invoices at the shop counter");
  const onlineChannelId = await ensureSalesChannel(container, "Online", "Orders placed online or through WhatsApp");

  const stores = container.resolve(Modules.STORE);
  const [store] = await stores.listStores();
  if (store) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "Voltura Demo Repair",
          supported_currencies: [{ currency_code: "myr", is_default: true }],
          default_sales_channel_id: counterChannelId,
        },
      },
    });
  }

  const regions = container.resolve(Modules.REGION);
  let [region] = await regions.listRegions({ name: "Malaysia" });
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: { regions: [{ name: "Malaysia", currency_code: "myr", countries: ["my"], payment_providers: ["pp_system_default"] }] },
    });
    region = result[0]!;
    await createTaxRegionsWorkflow(container).run({
      input: [{ country_code: "my", provider_id: "tp_system", default_tax_rate: { name: "SST", code: "SST", rate: 8 } }],
    });
    logger.info("Seeded region Malaysia (MYR, SST 8%)");
  }

  const locations = container.resolve(Modules.STOCK_LOCATION);
  let [location] = await locations.listStockLocations({ name: "Shop" });
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Shop", address: { address_1: "12 Jalan Tun Razak", city: "Kuala Lumpur", country_code: "MY", postal_code: "50400" } }] },
    });
    location = result[0]!;
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [counterChannelId, onlineChannelId] } });
    logger.info("Seeded stock location Shop");
  }

  const apiKeys = container.resolve(Modules.API_KEY);
  const [existingKey] = await apiKeys.listApiKeys({ title: "Online shop", type: "publishable" });
  if (!existingKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Online shop", type: "publishable", created_by: "seed" }] },
    });
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: result[0]!.id, add: [onlineChannelId] } });
  }

  return { regionId: region.id, counterChannelId, onlineChannelId, stockLocationId: location.id };
}
