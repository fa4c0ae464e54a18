import { MedusaError } from "@medusajs/framework/utils";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { shopYear } from "@voltura/domain";
import { assertItemsExist, resolveLocationId } from "../inventory/items";
import { procurementService } from "../ledger/apply";
import { formatPurchaseOrderNumber, purchaseOrderAllows, statusesAllowing, type PurchaseOrderAction, type PurchaseOrderStatus } from "../rules/purchase-order";
import { createRecords, deleteRecords, listRecords, restoreRecords, softDeleteRecords, updateRecords, updateRecordsStep } from "./steps/records";
import { assertSupplierStep } from "./suppliers";

export interface PurchaseOrderLineInput {
  inventory_item_id: string;
  quantity: number;
  unit_cost_sen: number;
}

/** 409 naming the allowed statuses when the action does not fit the order's status. */
export function assertPurchaseOrderAllows(po: Readonly<Record<string, unknown>>, action: PurchaseOrderAction): void {
  const status = po.status as PurchaseOrderStatus;
  if (!purchaseOrderAllows(status, action)) {
    throw new MedusaError(MedusaError.Types.CONFLICT, `Purchase order ${String(po.po_number)} is ${status}: ${action} needs ${statusesAllowing(action).join(" or ")}`);
  }
}

/** The order, 404 when unknown and 409 (naming the allowed statuses) when the action does not fit. Reads only. */
export async function loadPurchaseOrderFor(container: Parameters<typeof listRecords>[0], id: string, action: PurchaseOrderAction) {
  const [po] = await listRecords(container, "PurchaseOrder", { id });
  if (!po) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Purchase order ${id} not found`);
  assertPurchaseOrderAllows(po, action);
  return po;
}

async function lineRows(container: Parameters<typeof listRecords>[0], lines: PurchaseOrderLineInput[]) {
  const info = await assertItemsExist(container, lines.map((l) => l.inventory_item_id), "lines.inventory_item_id");
  return lines.map((l) => {
    const item = info.get(l.inventory_item_id)!;
    return { inventory_item_id: l.inventory_item_id, title: item.title, sku: item.sku, quantity_ordered: l.quantity, unit_cost_sen: l.unit_cost_sen, quantity_received: 0 };
  });
}

export interface CreatePurchaseOrderInput {
  supplier_id: string;
  location_id?: string;
  note?: string | null;
  expected_at?: string | null;
  created_by: string;
  lines: PurchaseOrderLineInput[];
}

/** Takes PO-YYYY-NNNNNN, stores the draft and its lines; compensation deletes them and gives the number back. */
const createPurchaseOrderStep = createStep(
  "create-purchase-order",
  async (input: CreatePurchaseOrderInput, { container }) => {
    const location_id = await resolveLocationId(container, input.location_id);
    const lines = await lineRows(container, input.lines);
    const service = procurementService(container);
    const year = shopYear(new Date());
    const sequence = await service.allocatePurchaseOrderSequence(`PO-${year}`);
    const undo = { series: `PO-${year}`, sequence, po_id: null as string | null };
    try {
      const [po] = await createRecords(container, "PurchaseOrder", [{
        po_number: formatPurchaseOrderNumber(year, sequence), supplier_id: input.supplier_id, location_id,
        note: input.note ?? null, expected_at: input.expected_at ? new Date(input.expected_at) : null, created_by: input.created_by, status: "draft",
      }]);
      undo.po_id = po!.id;
      await createRecords(container, "PurchaseOrderLine", lines.map((l) => ({ ...l, purchase_order_id: po!.id })));
      return new StepResponse({ id: po!.id }, undo);
    } catch (error) {
      await undoCreate(container, undo);
      throw error;
    }
  },
  async (undo, { container }) => {
    if (undo) await undoCreate(container, undo);
  },
);

async function undoCreate(container: Parameters<typeof listRecords>[0], undo: { series: string; sequence: number; po_id: string | null }) {
  if (undo.po_id) {
    const lines = await listRecords(container, "PurchaseOrderLine", { purchase_order_id: undo.po_id });
    if (lines.length) await deleteRecords(container, "PurchaseOrderLine", lines.map((l) => l.id));
    await deleteRecords(container, "PurchaseOrder", [undo.po_id]);
  }
  await procurementService(container).releasePurchaseOrderSequence(undo.series, undo.sequence);
}

export const createPurchaseOrderWorkflow = createWorkflow("create-purchase-order", (input: CreatePurchaseOrderInput) => {
  assertSupplierStep(input);
  return new WorkflowResponse(createPurchaseOrderStep(input));
});

export interface UpdatePurchaseOrderInput {
  purchase_order_id: string;
  note?: string | null;
  expected_at?: string | null;
  lines?: PurchaseOrderLineInput[];
}

/** Edits a draft: note, expected date, and lines (replaced). Compensation restores the old lines and fields. */
const updatePurchaseOrderDraftStep = createStep(
  "update-purchase-order-draft",
  async (input: UpdatePurchaseOrderInput, { container }) => {
    const po = await loadPurchaseOrderFor(container, input.purchase_order_id, "edit");
    const before = { id: po.id, note: po.note ?? null, expected_at: po.expected_at ?? null };
    const fields: Record<string, unknown> = {};
    if (input.note !== undefined) fields.note = input.note;
    if (input.expected_at !== undefined) fields.expected_at = input.expected_at ? new Date(input.expected_at) : null;
    const undo = { before, removed: [] as string[], added: [] as string[] };
    if (input.lines) {
      const rows = await lineRows(container, input.lines);
      const old = await listRecords(container, "PurchaseOrderLine", { purchase_order_id: po.id });
      await softDeleteRecords(container, "PurchaseOrderLine", old.map((l) => l.id));
      undo.removed = old.map((l) => l.id);
      const added = await createRecords(container, "PurchaseOrderLine", rows.map((l) => ({ ...l, purchase_order_id: po.id })));
      undo.added = added.map((l) => l.id);
    }
    if (Object.keys(fields).length) await updateRecords(container, "PurchaseOrder", [{ id: po.id, ...fields }]);
    return new StepResponse({ id: po.id }, undo);
  },
  async (undo, { container }) => {
    if (!undo) return;
    if (undo.added.length) await deleteRecords(container, "PurchaseOrderLine", undo.added);
    if (undo.removed.length) await restoreRecords(container, "PurchaseOrderLine", undo.removed);
    await updateRecords(container, "PurchaseOrder", [undo.before]);
  },
);

export const updatePurchaseOrderWorkflow = createWorkflow("update-purchase-order", (input: UpdatePurchaseOrderInput) => {
  return new WorkflowResponse(updatePurchaseOrderDraftStep(input));
});

const checkPurchaseOrderActionStep = createStep("check-purchase-order-action", async (input: { purchase_order_id: string; action: PurchaseOrderAction }, { container }) => {
  const po = await loadPurchaseOrderFor(container, input.purchase_order_id, input.action);
  return new StepResponse({ id: po.id, status: po.status as PurchaseOrderStatus });
});

/** Marks the order sent (the PDF is rendered by the route); sending again keeps the first sent_at. */
export const sendPurchaseOrderWorkflow = createWorkflow("send-purchase-order", (input: { purchase_order_id: string }) => {
  const po = checkPurchaseOrderActionStep(transform({ input }, ({ input }) => ({ purchase_order_id: input.purchase_order_id, action: "send" as const })));
  updateRecordsStep(
    transform({ po }, ({ po }) => ({ entity: "PurchaseOrder" as const, data: po.status === "draft" ? [{ id: po.id, status: "sent", sent_at: new Date() }] : [] })),
  );
  return new WorkflowResponse(po);
});

/** The lock a receipt holds too, so a cancel cannot overwrite a delivery booked meanwhile. */
export const purchaseOrderLockKey = (id: string) => `purchase-order:${id}`;

export const cancelPurchaseOrderWorkflow = createWorkflow("cancel-purchase-order", (input: { purchase_order_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => purchaseOrderLockKey(input.purchase_order_id));
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 });
  const po = checkPurchaseOrderActionStep(transform({ input }, ({ input }) => ({ purchase_order_id: input.purchase_order_id, action: "cancel" as const })));
  updateRecordsStep(transform({ po }, ({ po }) => ({ entity: "PurchaseOrder" as const, data: [{ id: po.id, status: "cancelled", cancelled_at: new Date() }] })));
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(po);
});
