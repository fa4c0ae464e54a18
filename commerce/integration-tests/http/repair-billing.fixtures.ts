import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils";
import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows";
import { senToRinggit } from "@voltura/domain";
import { seedShop, type ShopRefs } from "../../src/scripts/seed/shop";
import { jobBody, newStaffHeaders, type StaffHeaders } from "./helpers";

/** The catalogue billing suites work with: two stocked parts, one cheap part and a fixed-price service. */
const ITEMS = [
  { key: "screen", title: "iPhone 13 Screen (OEM)", sku: "T-IP13-LCD", priceSen: 35000, stock: 2, metadata: { warranty_days: 90 } },
  { key: "battery", title: "iPhone 13 Battery", sku: "T-IP13-BAT", priceSen: 16000, stock: 5, metadata: {} },
  { key: "port", title: "USB-C Port Flex", sku: "T-PORT", priceSen: 1990, stock: 3, metadata: {} },
  { key: "labour", title: "Screen Replacement Labour", sku: "T-SVC-SCREEN", priceSen: 8000, stock: 0, metadata: { kind: "service" } },
] as const;

export type ItemKey = (typeof ITEMS)[number]["key"];

export interface BillingFixture {
  shop: ShopRefs;
  variants: Record<ItemKey, string>;
  inventoryItems: Record<ItemKey, string | null>;
}

/** Region Malaysia (MYR), channels Counter/Online and stock location Shop from the demo seed, plus the test catalogue. */
export async function seedBillingFixture(container: MedusaContainer): Promise<BillingFixture> {
  const shop = await seedShop(container);
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: ITEMS.map((item) => ({
        title: item.title,
        handle: item.sku.toLowerCase(),
        status: ProductStatus.PUBLISHED,
        metadata: item.metadata,
        options: [{ title: "Default", values: ["Default"] }],
        sales_channels: [{ id: shop.counterChannelId }],
        variants: [{
          title: "Default", sku: item.sku, options: { Default: "Default" }, manage_inventory: item.key !== "labour",
          prices: [{ amount: senToRinggit(item.priceSen), currency_code: "myr" }],
        }],
      })),
    },
  });
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { id: result.flatMap((p) => (p.variants ?? []).map((v) => v.id)) },
  });
  const variants = {} as Record<ItemKey, string>;
  const inventoryItems = {} as Record<ItemKey, string | null>;
  for (const item of ITEMS) {
    const v = data.find((row) => row.sku === item.sku)!;
    variants[item.key] = v.id;
    inventoryItems[item.key] = v.inventory_items?.[0]?.inventory_item_id ?? null;
  }
  const levels = ITEMS.filter((i) => i.stock > 0).map((i) => ({
    inventory_item_id: inventoryItems[i.key]!, location_id: shop.stockLocationId, stocked_quantity: i.stock,
  }));
  await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels } });
  return { shop, variants, inventoryItems };
}

/** Stocked and reserved quantities of an item at the Shop location. */
/** The bench, the till and the desk: a fresh technician, cashier and manager. */
export interface BillingStaff {
  tech: StaffHeaders;
  cashier: StaffHeaders;
  manager: StaffHeaders;
}

export async function billingStaff(container: MedusaContainer): Promise<BillingStaff> {
  return {
    tech: await newStaffHeaders(container, "technician"),
    cashier: await newStaffHeaders(container, "cashier"),
    manager: await newStaffHeaders(container, "manager"),
  };
}

export async function stockAt(container: MedusaContainer, inventoryItemId: string, locationId: string) {
  const [level] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: inventoryItemId, location_id: locationId });
  return { stocked: Number(level!.stocked_quantity), reserved: Number(level!.reserved_quantity) };
}

export async function reservationsOf(container: MedusaContainer, inventoryItemId: string) {
  return container.resolve(Modules.INVENTORY).listReservationItems({ inventory_item_id: inventoryItemId });
}

type Api = { post: (url: string, body: unknown, config: unknown) => Promise<{ status: number; data: any }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A new job at the counter, optionally moved along (e.g. ["in_progress"]). */
export async function newJob(api: Api, headers: unknown, path: string[] = [], overrides: Record<string, unknown> = {}) {
  const created = await api.post("/admin/repair-jobs", jobBody(overrides), headers);
  const job = created.data.repair_job as { id: string; job_number: string; customer_id: string };
  for (const to of path) await api.post(`/admin/repair-jobs/${job.id}/status`, { status: to }, headers);
  return job;
}

/** Whether the repair module has a column yet (deposit_sen, imei_serial arrive with the intake fields). */
export async function repairJobHasColumn(container: MedusaContainer, column: string): Promise<boolean> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION);
  const rows = await pg.raw(`SELECT 1 FROM information_schema.columns WHERE table_name = 'repair_job' AND column_name = ?`, [column]);
  return rows.rows.length > 0;
}
