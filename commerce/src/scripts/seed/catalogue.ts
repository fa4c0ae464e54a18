import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows";
import { senToRinggit } from "@voltura/domain";
import { DEMO_ITEMS } from "./demo-data";
import type { ShopRefs } from "./shop";

/**
 * Parts, accessories and services priced in MYR. Services are products whose variant does not
 * manage inventory. Medusa stores amounts in ringgit; our data is in sen.
 */
export async function seedCatalogue(container: MedusaContainer, shop: ShopRefs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const products = container.resolve(Modules.PRODUCT);
  const existing = await products.listProductVariants({ sku: DEMO_ITEMS.map((i) => i.sku) }, { select: ["sku"] });
  const have = new Set(existing.map((v) => v.sku));
  const missing = DEMO_ITEMS.filter((i) => !have.has(i.sku));
  if (!missing.length) return;

  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: missing.map((item) => ({
        title: item.title,
        description: item.description,
        handle: item.sku.toLowerCase(),
        status: ProductStatus.PUBLISHED,
        metadata: { kind: item.kind, ...(item.warrantyDays ? { warranty_days: item.warrantyDays } : {}) },
        options: [{ title: "Default", values: ["Default"] }],
        sales_channels: [{ id: shop.counterChannelId }, { id: shop.onlineChannelId }],
        variants: [
          {
            title: "Default",
            sku: item.sku,
            barcode: item.barcode,
            options: { Default: "Default" },
            manage_inventory: item.kind !== "service",
            prices: [{ amount: senToRinggit(item.priceSen), currency_code: "myr" }],
          },
        ],
      })),
    },
  });

  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data: variants } = await query.graph({
    entity: "variant",
    fields: ["sku", "inventory_items.inventory_item_id"],
    filters: { id: result.flatMap((p) => (p.variants ?? []).map((v) => v.id)) },
  });
  const levels = variants.flatMap((v) => {
    const item = missing.find((i) => i.sku === v.sku);
    const inventoryItemId = v.inventory_items?.[0]?.inventory_item_id;
    if (!item?.stock || !inventoryItemId) return [];
    return [{ inventory_item_id: inventoryItemId, location_id: shop.stockLocationId, stocked_quantity: item.stock }];
  });
  if (levels.length) await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } });
  logger.info(`Seeded ${missing.length} catalogue items with stock at Shop`);
}
