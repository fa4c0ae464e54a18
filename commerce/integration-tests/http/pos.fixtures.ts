import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import { createProductsWorkflow } from "@medusajs/medusa/core-flows";
import { senToRinggit } from "@voltura/domain";
import { ledgerCheck, recordOpeningStockWorkflow } from "@voltura/plugin-inventory/workflows";
import { createStaffMemberWorkflow } from "@voltura/plugin-platform/workflows";
import { seedShop, type ShopRefs } from "../../src/scripts/seed/shop";

/** Counter items: stocked accessories and parts (opening stock through the ledger), a service at 6% SST and an SST-exempt item. */
const ITEMS = [
  { key: "protector", title: "Tempered Glass", sku: "T-POS-TG", barcode: "9555000900011", priceSen: 2500, stock: 10, metadata: {} },
  { key: "cable", title: "USB-C Cable 1m", sku: "T-POS-USBC", barcode: "9555000900028", priceSen: 1990, stock: 10, metadata: {} },
  { key: "screen", title: "Redmi Note 12 Screen", sku: "T-POS-RN12", barcode: "9555000900035", priceSen: 18000, stock: 1, metadata: {} },
  { key: "labour", title: "Screen Fitting", sku: "T-POS-SVC", barcode: null, priceSen: 3000, stock: 0, metadata: { kind: "service", sst_rate_bp: 600 } },
  { key: "card", title: "Prepaid Reload RM10", sku: "T-POS-RELOAD", barcode: null, priceSen: 1000, stock: 50, metadata: { sst_exempt: true } },
] as const;

export type PosItemKey = (typeof ITEMS)[number]["key"];

export interface PosFixture {
  shop: ShopRefs;
  variants: Record<PosItemKey, string>;
  inventoryItems: Record<PosItemKey, string | null>;
  manager: { id: string; email: string; password: string };
}

export const MANAGER_PASSWORD = "Manager#Counter2026";

export async function seedPosFixture(container: MedusaContainer): Promise<PosFixture> {
  const shop = await seedShop(container);
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: ITEMS.map((item) => ({
        title: item.title, handle: item.sku.toLowerCase(), status: ProductStatus.PUBLISHED, metadata: item.metadata,
        options: [{ title: "Default", values: ["Default"] }], sales_channels: [{ id: shop.counterChannelId }],
        variants: [{
          title: "Default", sku: item.sku, barcode: item.barcode ?? undefined, options: { Default: "Default" }, manage_inventory: item.key !== "labour",
          prices: [{ amount: senToRinggit(item.priceSen), currency_code: "myr" }],
        }],
      })),
    },
  });
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "variant", fields: ["id", "sku", "inventory_items.inventory_item_id"], filters: { id: result.flatMap((p) => (p.variants ?? []).map((v) => v.id)) },
  });
  const variants = {} as Record<PosItemKey, string>;
  const inventoryItems = {} as Record<PosItemKey, string | null>;
  for (const item of ITEMS) {
    const v = data.find((row) => row.sku === item.sku)!;
    variants[item.key] = v.id;
    inventoryItems[item.key] = v.inventory_items?.[0]?.inventory_item_id ?? null;
  }
  await recordOpeningStockWorkflow(container).run({
    input: {
      actor_id: "test",
      lines: ITEMS.filter((i) => i.stock > 0).map((i) => ({ inventory_item_id: inventoryItems[i.key]!, location_id: shop.stockLocationId, quantity: i.stock })),
    },
  });
  const email = `manager-${Date.now()}@pos.test`;
  const { result: manager } = await createStaffMemberWorkflow(container).run({ input: { email, name: "Mei Ling Manager", role: "manager", password: MANAGER_PASSWORD } });
  return { shop, variants, inventoryItems, manager: { id: (manager as { id: string }).id, email, password: MANAGER_PASSWORD } };
}

export async function stockedAt(container: MedusaContainer, inventoryItemId: string, locationId: string): Promise<number> {
  const [level] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId });
  return Number(level?.stocked_quantity ?? 0);
}

/** The invariant every scenario ends on: on-hand == sum of the ledger for every level. */
export async function expectLedgerBalanced(container: MedusaContainer): Promise<void> {
  const check = await ledgerCheck(container);
  expect(check.mismatches).toEqual([]);
  expect(check.ok).toBe(true);
}

let counter = 0;
export const newKey = (label = "sale") => `test-${label}-${Date.now()}-${++counter}`;
