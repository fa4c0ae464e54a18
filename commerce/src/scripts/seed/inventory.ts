import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { updateUsersWorkflow } from "@medusajs/medusa/core-flows";
import {
  adjustStock,
  adoptExistingStockWorkflow,
  createPurchaseOrderWorkflow,
  createSupplierWorkflow,
  receivePurchaseOrder,
  sendPurchaseOrderWorkflow,
  setLowStockThresholdWorkflow,
  setSupplierItemWorkflow,
  SHOP_INVENTORY_MODULE,
  type ShopInventoryModuleService,
} from "@voltura/plugin-inventory/workflows";
import { DEMO_ITEMS } from "./demo-data";
import type { ShopRefs } from "./shop";

/** What the shop pays for each stocked demo item (sen), its supplier and the reorder threshold. */
const PURCHASING: Record<string, { costSen: number; supplier: "kl" | "penang"; supplierSku: string; leadDays: number; threshold: number }> = {
  "PART-IP13-LCD-OEM": { costSen: 21000, supplier: "kl", supplierSku: "KL-IP13-OLED", leadDays: 3, threshold: 2 },
  "PART-IP11-BAT-ORI": { costSen: 7800, supplier: "kl", supplierSku: "KL-IP11-BAT", leadDays: 3, threshold: 3 },
  "PART-A54-PORT-CMP": { costSen: 1500, supplier: "kl", supplierSku: "KL-A54-USBC", leadDays: 5, threshold: 4 },
  "PART-RN12-LCD-CMP": { costSen: 9500, supplier: "kl", supplierSku: "KL-RN12-LCD", leadDays: 5, threshold: 3 },
  "PART-SSD-512-NVME": { costSen: 15500, supplier: "kl", supplierSku: "KL-NVME-512", leadDays: 7, threshold: 5 },
  "ACC-TG-UNIV": { costSen: 600, supplier: "penang", supplierSku: "PG-TG-9H", leadDays: 2, threshold: 10 },
  "ACC-USBC-1M": { costSen: 650, supplier: "penang", supplierSku: "PG-C1M-BR", leadDays: 2, threshold: 8 },
  "ACC-CHG-20W": { costSen: 2400, supplier: "penang", supplierSku: "PG-PD20", leadDays: 4, threshold: 5 },
};

/** The demo manager's WhatsApp number: low-stock alerts go to owners' and managers' metadata.phone. */
export const DEMO_MANAGER_ALERT_PHONE = "+60129990011";

async function giveManagerAlertPhone(container: MedusaContainer): Promise<void> {
  const [manager] = await container.resolve(Modules.USER).listUsers({ email: "manager@voltura.demo" }, { select: ["id", "metadata"] });
  if (!manager || (manager.metadata as { phone?: string } | null)?.phone) return;
  await updateUsersWorkflow(container).run({ input: { updates: [{ id: manager.id, metadata: { ...(manager.metadata ?? {}), phone: DEMO_MANAGER_ALERT_PHONE } }] } });
}

async function inventoryItemsBySku(container: MedusaContainer): Promise<Map<string, string>> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "inventory_item", fields: ["id", "sku"], filters: { sku: Object.keys(PURCHASING) },
  });
  return new Map((data as Array<{ id: string; sku: string | null }>).flatMap((i) => (i.sku ? [[i.sku, i.id] as [string, string]] : [])));
}

/**
 * The stock ledger of the demo shop: the catalogue's stock as `opening` rows (at cost), two
 * suppliers with what they provide, a purchase order half received and a draft one, a damage
 * adjustment, and thresholds that leave two items low on stock. Skipped once a supplier exists.
 */
export async function seedInventory(container: MedusaContainer, shop: ShopRefs): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER);
  const items = await inventoryItemsBySku(container);
  const unitCosts = Object.fromEntries([...items].map(([sku, id]) => [id, PURCHASING[sku]!.costSen]));
  await giveManagerAlertPhone(container);
  const { result: adopted } = await adoptExistingStockWorkflow(container).run({ input: { actor_id: "Demo seed", unit_costs_sen: unitCosts } });

  const shopInventory = container.resolve<ShopInventoryModuleService>(SHOP_INVENTORY_MODULE);
  if ((await shopInventory.listSuppliers({}, { take: 1 })).length) return;
  const { result: kl } = await createSupplierWorkflow(container).run({
    input: { supplier: { name: "KL Mobile Parts Sdn Bhd", contact_name: "Mr Tan Wei Jie", phone: "+60321421234", email: "sales@klmobileparts.example", address: "Lot 3-12, Plaza Low Yat, Kuala Lumpur" } },
  });
  const { result: penang } = await createSupplierWorkflow(container).run({
    input: { supplier: { name: "Penang Accessories Trading", contact_name: "Ms Lim", phone: "+6042261188", email: "orders@pgaccessories.example", address: "Jalan Penang, George Town" } },
  });
  const supplierOf = { kl: kl.id, penang: penang.id };
  for (const [sku, p] of Object.entries(PURCHASING)) {
    const id = items.get(sku);
    if (!id) continue;
    await setSupplierItemWorkflow(container).run({ input: { supplier_id: supplierOf[p.supplier], inventory_item_id: id, supplier_sku: p.supplierSku, cost_sen: p.costSen, lead_time_days: p.leadDays } });
    await setLowStockThresholdWorkflow(container).run({ input: { inventory_item_id: id, low_stock_threshold: p.threshold } });
  }

  const item = (sku: string) => items.get(sku)!;
  const { result: screens } = await createPurchaseOrderWorkflow(container).run({
    input: {
      supplier_id: kl.id, location_id: shop.stockLocationId, created_by: "Mei Ling Manager", note: "Weekly screens order",
      lines: [{ inventory_item_id: item("PART-IP13-LCD-OEM"), quantity: 5, unit_cost_sen: 21500 }, { inventory_item_id: item("PART-RN12-LCD-CMP"), quantity: 4, unit_cost_sen: 9500 }],
    },
  });
  await sendPurchaseOrderWorkflow(container).run({ input: { purchase_order_id: screens.id } });
  const lines = await shopInventory.listPurchaseOrderLines({ purchase_order_id: screens.id });
  const iphoneLine = lines.find((l) => l.inventory_item_id === item("PART-IP13-LCD-OEM"))!;
  await receivePurchaseOrder(container, { purchase_order_id: screens.id, lines: [{ line_id: iphoneLine.id, quantity: 3 }], received_by: "Mei Ling Manager", note: "First box; Redmi screens back-ordered" });
  await createPurchaseOrderWorkflow(container).run({
    input: { supplier_id: penang.id, location_id: shop.stockLocationId, created_by: "Mei Ling Manager", lines: [{ inventory_item_id: item("ACC-USBC-1M"), quantity: 20, unit_cost_sen: 650 }] },
  });
  await adjustStock(container, {
    inventory_item_id: item("ACC-TG-UNIV"), location_id: shop.stockLocationId, reason: "damage", quantity: 2, note: "Cracked while fitting", actor_id: "Siti Cashier",
  });
  logger.info(`Seeded inventory: ${adopted.adopted} opening rows, 2 suppliers, 2 purchase orders, 1 adjustment (${DEMO_ITEMS.length} catalogue items)`);
}
