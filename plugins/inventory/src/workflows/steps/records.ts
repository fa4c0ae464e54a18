import type { MedusaContainer } from "@medusajs/framework/types";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { shopInventoryService } from "./apply-ledger";

/** The shop inventory records the generic steps write (plural: the generated service method suffix). */
const PLURALS = {
  Supplier: "Suppliers",
  SupplierItem: "SupplierItems",
  PurchaseOrder: "PurchaseOrders",
  PurchaseOrderLine: "PurchaseOrderLines",
  StockTake: "StockTakes",
  StockTakeLine: "StockTakeLines",
  ItemStockProfile: "ItemStockProfiles",
} as const;
export type ShopInventoryEntity = keyof typeof PLURALS;

type Row = { id: string } & Record<string, unknown>;
type Method = (...args: unknown[]) => Promise<unknown>;

/** The generated `<verb><Plural>` method of the module's service, looked up by its name. */
function method(container: MedusaContainer, verb: "create" | "update" | "delete" | "list" | "softDelete" | "restore", entity: ShopInventoryEntity): Method {
  const service = shopInventoryService(container);
  const fn: unknown = Reflect.get(service, `${verb}${PLURALS[entity]}`);
  if (typeof fn !== "function") throw new Error(`shop inventory service has no ${verb}${PLURALS[entity]}`);
  return (...args) => Promise.resolve(fn.apply(service, args));
}

export const createRecords = (c: MedusaContainer, entity: ShopInventoryEntity, data: Record<string, unknown>[]) =>
  method(c, "create", entity)(data) as Promise<Row[]>;
export const updateRecords = (c: MedusaContainer, entity: ShopInventoryEntity, data: Row[]) => method(c, "update", entity)(data) as Promise<Row[]>;
export const deleteRecords = (c: MedusaContainer, entity: ShopInventoryEntity, ids: string[]) => method(c, "delete", entity)(ids);
export const softDeleteRecords = (c: MedusaContainer, entity: ShopInventoryEntity, ids: string[]) => method(c, "softDelete", entity)(ids);
export const restoreRecords = (c: MedusaContainer, entity: ShopInventoryEntity, ids: string[]) => method(c, "restore", entity)(ids);
export const listRecords = (c: MedusaContainer, entity: ShopInventoryEntity, filter: Record<string, unknown>) => method(c, "list", entity)(filter, {}) as Promise<Row[]>;

/** The fields about to change, as they are now (what a compensation writes back). */
async function snapshot(c: MedusaContainer, entity: ShopInventoryEntity, changes: Row[]): Promise<Row[]> {
  const current = await listRecords(c, entity, { id: changes.map((r) => r.id) });
  return changes.map((change) => {
    const row = current.find((r) => r.id === change.id);
    if (!row) throw new Error(`${entity} ${change.id} not found`);
    return Object.fromEntries(["id", ...Object.keys(change).filter((k) => k !== "id")].map((k) => [k, row[k] ?? null])) as Row;
  });
}

export interface RecordsInput {
  entity: ShopInventoryEntity;
  data: Record<string, unknown>[];
}

/** Creates records; compensation deletes them. */
export const createRecordsStep = createStep(
  "create-procurement-records",
  async (input: RecordsInput, { container }) => {
    const rows = await createRecords(container, input.entity, input.data);
    return new StepResponse(rows, { entity: input.entity, ids: rows.map((r) => r.id) });
  },
  async (undo, { container }) => {
    if (undo?.ids.length) await deleteRecords(container, undo.entity, undo.ids);
  },
);

/** Updates records (each with its id); compensation writes the old values back. */
export const updateRecordsStep = createStep(
  "update-procurement-records",
  async (input: { entity: ShopInventoryEntity; data: Row[] }, { container }) => {
    if (!input.data.length) return new StepResponse([] as Row[], { entity: input.entity, before: [] as Row[] });
    const before = await snapshot(container, input.entity, input.data);
    const rows = await updateRecords(container, input.entity, input.data);
    return new StepResponse(rows, { entity: input.entity, before });
  },
  async (undo, { container }) => {
    if (undo?.before.length) await updateRecords(container, undo.entity, undo.before);
  },
);

/** Soft-deletes records; compensation restores them. */
export const softDeleteRecordsStep = createStep(
  "soft-delete-procurement-records",
  async (input: { entity: ShopInventoryEntity; ids: string[] }, { container }) => {
    if (input.ids.length) await softDeleteRecords(container, input.entity, input.ids);
    return new StepResponse(input.ids, input);
  },
  async (undo, { container }) => {
    if (undo?.ids.length) await restoreRecords(container, undo.entity, undo.ids);
  },
);
