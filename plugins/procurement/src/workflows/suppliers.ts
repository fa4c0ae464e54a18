import { MedusaError } from "@medusajs/framework/utils";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { assertItemsExist } from "../inventory/items";
import { createRecords, createRecordsStep, deleteRecords, listRecords, softDeleteRecordsStep, updateRecords, updateRecordsStep } from "./steps/records";

export interface SupplierFields {
  name?: string;
  contact_name?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  notes?: string | null;
}

/** 404 unless the supplier exists (and is not deleted). Reads only. */
export const assertSupplierStep = createStep("assert-supplier", async (input: { supplier_id: string }, { container }) => {
  const [supplier] = await listRecords(container, "Supplier", { id: input.supplier_id });
  if (!supplier) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Supplier ${input.supplier_id} not found`);
  return new StepResponse(supplier.id);
});

export const createSupplierWorkflow = createWorkflow("create-procurement-supplier", (input: { supplier: SupplierFields & { name: string } }) => {
  const rows = createRecordsStep(transform({ input }, ({ input }) => ({ entity: "Supplier" as const, data: [{ ...input.supplier }] })));
  return new WorkflowResponse(transform({ rows }, ({ rows }) => ({ id: rows[0]!.id })));
});

export const updateSupplierWorkflow = createWorkflow("update-procurement-supplier", (input: { supplier_id: string; changes: SupplierFields }) => {
  assertSupplierStep(input);
  updateRecordsStep(transform({ input }, ({ input }) => ({ entity: "Supplier" as const, data: [{ id: input.supplier_id, ...input.changes }] })));
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.supplier_id })));
});

/** Soft-deletes the supplier and what it provides; purchase orders keep their supplier id. */
export const deleteSupplierWorkflow = createWorkflow("delete-procurement-supplier", (input: { supplier_id: string }) => {
  assertSupplierStep(input);
  softDeleteRecordsStep(transform({ input }, ({ input }) => ({ entity: "Supplier" as const, ids: [input.supplier_id] })));
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.supplier_id, deleted: true })));
});

export interface SupplierItemInput {
  supplier_id: string;
  inventory_item_id: string;
  supplier_sku: string | null;
  cost_sen: number;
  lead_time_days: number;
}

type SupplierItemUndo = { created: string | null; before: { id: string } & Record<string, unknown> | null };

/** Adds the item to the supplier's list, or updates its cost and lead time; compensation undoes either. */
const upsertSupplierItemStep = createStep(
  "upsert-supplier-item",
  async (input: SupplierItemInput, { container }) => {
    await assertItemsExist(container, [input.inventory_item_id]);
    const [existing] = await listRecords(container, "SupplierItem", { supplier_id: input.supplier_id, inventory_item_id: input.inventory_item_id });
    const fields = { supplier_sku: input.supplier_sku, cost_sen: input.cost_sen, lead_time_days: input.lead_time_days };
    if (existing) {
      const before = { id: existing.id, supplier_sku: existing.supplier_sku ?? null, cost_sen: existing.cost_sen, lead_time_days: existing.lead_time_days };
      await updateRecords(container, "SupplierItem", [{ id: existing.id, ...fields }]);
      return new StepResponse<string, SupplierItemUndo>(existing.id, { created: null, before });
    }
    const [row] = await createRecords(container, "SupplierItem", [{ supplier_id: input.supplier_id, inventory_item_id: input.inventory_item_id, ...fields }]);
    return new StepResponse<string, SupplierItemUndo>(row!.id, { created: row!.id, before: null });
  },
  async (undo, { container }) => {
    if (!undo) return;
    if (undo.created) await deleteRecords(container, "SupplierItem", [undo.created]);
    if (undo.before) await updateRecords(container, "SupplierItem", [undo.before]);
  },
);

export const setSupplierItemWorkflow = createWorkflow("set-procurement-supplier-item", (input: SupplierItemInput) => {
  assertSupplierStep(input);
  return new WorkflowResponse(upsertSupplierItemStep(input));
});

const assertSupplierItemStep = createStep("assert-supplier-item", async (input: { supplier_id: string; supplier_item_id: string }, { container }) => {
  const [row] = await listRecords(container, "SupplierItem", { id: input.supplier_item_id, supplier_id: input.supplier_id });
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Supplier item ${input.supplier_item_id} not found for supplier ${input.supplier_id}`);
  return new StepResponse(row.id);
});

export const removeSupplierItemWorkflow = createWorkflow("remove-procurement-supplier-item", (input: { supplier_id: string; supplier_item_id: string }) => {
  assertSupplierItemStep({ supplier_id: input.supplier_id, supplier_item_id: input.supplier_item_id });
  softDeleteRecordsStep(transform({ input }, ({ input }) => ({ entity: "SupplierItem" as const, ids: [input.supplier_item_id] })));
  return new WorkflowResponse(transform({ input }, ({ input }) => ({ id: input.supplier_item_id })));
});
