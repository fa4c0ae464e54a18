import type { MedusaContainer } from "@medusajs/framework/types";
import { asValue } from "@medusajs/framework/awilix";
import { createMedusaContainer, Modules } from "@medusajs/framework/utils";
import { DEFAULT_SHOP_SETTINGS } from "@voltura/domain";
import { describe, expect, it } from "vitest";
import { findCounterChannelId, findShopLocationId, findShopRegionId } from "../shop-places.js";
import { loadShopSettings, SHOP_SETTINGS_MODULE_KEY } from "../shop-settings.js";

type Row = { id: string; name: string; currency_code?: string };

/** A container whose modules list rows matching every given filter field. */
function containerWith(rows: { locations?: Row[]; channels?: Row[]; regions?: Row[] }, extra: Record<string, unknown> = {}): MedusaContainer {
  const matching = (list: Row[] = []) => async (filter: Record<string, string>) =>
    list.filter((row) => Object.entries(filter).every(([k, v]) => (row as Record<string, unknown>)[k] === v));
  const container = createMedusaContainer();
  const services: Record<string, unknown> = {
    [Modules.STOCK_LOCATION]: { listStockLocations: matching(rows.locations) },
    [Modules.SALES_CHANNEL]: { listSalesChannels: matching(rows.channels) },
    [Modules.REGION]: { listRegions: matching(rows.regions) },
    ...extra,
  };
  for (const [key, service] of Object.entries(services)) container.register(key, asValue(service));
  return container;
}

describe("the shop's places", () => {
  const c = containerWith({
    locations: [{ id: "sloc_store", name: "Store room" }, { id: "sloc_shop", name: "Shop" }],
    channels: [{ id: "sc_online", name: "Online" }, { id: "sc_counter", name: "Counter" }],
    regions: [{ id: "reg_sg", name: "Singapore", currency_code: "sgd" }, { id: "reg_my", name: "Malaysia", currency_code: "myr" }],
  });

  it("finds the Shop location, the Counter channel and the Malaysia region by name", async () => {
    expect(await findShopLocationId(c, "x")).toBe("sloc_shop");
    expect(await findCounterChannelId(c, "x")).toBe("sc_counter");
    expect(await findShopRegionId(c, "x")).toBe("reg_my");
  });

  it("falls back to a MYR region under another name", async () => {
    expect(await findShopRegionId(containerWith({ regions: [{ id: "reg_myr", name: "MY", currency_code: "myr" }] }), "x")).toBe("reg_myr");
  });

  it("answers 404 naming the missing place and what needs it", async () => {
    const empty = containerWith({});
    await expect(findShopLocationId(empty, "the counter sells from it")).rejects.toMatchObject({
      type: "not_found", message: 'No stock location named "Shop": the counter sells from it',
    });
    await expect(findCounterChannelId(empty, "invoices are raised there")).rejects.toThrow('No sales channel named "Counter": invoices are raised there');
    await expect(findShopRegionId(empty, "invoices are raised there")).rejects.toThrow('No region "Malaysia" (MYR): invoices are raised there');
  });
});

describe("shop settings", () => {
  it("reads them from the platform's settings module", async () => {
    const c = containerWith({}, { [SHOP_SETTINGS_MODULE_KEY]: { retrieveSettings: async () => DEFAULT_SHOP_SETTINGS } });
    expect((await loadShopSettings(c)).tax.sst_rate_bp).toBe(800);
  });
});
