import { z } from "zod";

// Inventory (plugins/inventory): stock ledger, suppliers, purchase orders, stock takes. Money is integer sen; quantities whole units.

const id = (what: string) => z.string().trim().min(1, `${what} is required`);
const optionalText = (max: number) => z.string().trim().max(max).transform((v) => v || null).nullable().optional();
const sen = z.number().int("must be whole sen").nonnegative("cannot be negative");
/** Made once per form (or client operation) and sent again on every retry: a replay never books twice. */
const idempotencyKey = z.string().trim().min(8, "must be at least 8 characters").max(200).optional();

export const ADJUSTMENT_REASONS = ["damage", "loss", "found", "correction"] as const;
export const INVENTORY_LEVEL_ORDERS = ["title", "-title", "sku", "-sku", "on_hand", "-on_hand", "available", "-available"] as const;

/** GET /admin/inventory/levels */
export const listInventoryLevelsQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  location_id: z.string().trim().min(1).optional(),
  low_stock: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  order: z.enum(INVENTORY_LEVEL_ORDERS).default("title"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListInventoryLevelsQuery = z.input<typeof listInventoryLevelsQuerySchema>;

/** POST /admin/inventory/items/:id — the low-stock threshold (null: no alert). */
export const updateStockItemBodySchema = z.object({
  low_stock_threshold: z.number().int("must be a whole number").min(0, "cannot be negative").nullable(),
});
export type UpdateStockItemBody = z.input<typeof updateStockItemBodySchema>;

export const supplierBodySchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(120),
  contact_name: optionalText(120),
  phone: optionalText(32),
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(200).nullable().optional().or(z.literal("").transform(() => null)),
  address: optionalText(500),
  notes: optionalText(2000),
});
export type SupplierBody = z.input<typeof supplierBodySchema>;
export const updateSupplierBodySchema = supplierBodySchema.partial().refine((b) => Object.values(b).some((v) => v !== undefined), "Nothing to change");
export type UpdateSupplierBody = z.input<typeof updateSupplierBodySchema>;

/** POST /admin/inventory/suppliers/:id/items — adds or updates what the supplier provides. */
export const supplierItemBodySchema = z.object({
  inventory_item_id: id("inventory_item_id"),
  supplier_sku: optionalText(80),
  cost_sen: sen,
  lead_time_days: z.number().int("must be whole days").min(0, "cannot be negative").max(365).default(0),
});
export type SupplierItemBody = z.input<typeof supplierItemBodySchema>;

const purchaseOrderLineBodySchema = z.object({
  inventory_item_id: id("inventory_item_id"),
  quantity: z.number().int("must be a whole number").positive("must be at least 1"),
  unit_cost_sen: sen,
});
/** POST /admin/inventory/purchase-orders */
export const createPurchaseOrderBodySchema = z.object({
  supplier_id: id("supplier_id"),
  location_id: id("location_id").optional(),
  note: optionalText(2000),
  expected_at: z.iso.datetime({ offset: true }).nullable().optional(),
  lines: z.array(purchaseOrderLineBodySchema).min(1, "add at least one line"),
});
export type CreatePurchaseOrderBody = z.input<typeof createPurchaseOrderBodySchema>;
/** POST /admin/inventory/purchase-orders/:id — drafts only; lines replace the old ones. */
export const updatePurchaseOrderBodySchema = z
  .object({ note: optionalText(2000), expected_at: z.iso.datetime({ offset: true }).nullable().optional(), lines: z.array(purchaseOrderLineBodySchema).min(1, "add at least one line").optional() })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Nothing to change");
export type UpdatePurchaseOrderBody = z.input<typeof updatePurchaseOrderBodySchema>;
/** POST /admin/inventory/purchase-orders/:id/receive — with an idempotency_key, a retry answers the first receipt. */
export const receivePurchaseOrderBodySchema = z.object({
  lines: z.array(z.object({ line_id: id("line_id"), quantity: z.number().int("must be a whole number").positive("must be at least 1") })).min(1, "receive at least one line"),
  note: optionalText(500),
  idempotency_key: idempotencyKey,
});
export type ReceivePurchaseOrderBody = z.input<typeof receivePurchaseOrderBodySchema>;

/**
 * POST /admin/inventory/adjustments — quantity is signed for corrections; damage and loss take out, found puts back.
 * Send an idempotency_key: a retry with it answers the first adjustment instead of adjusting twice.
 */
export const createStockAdjustmentBodySchema = z
  .object({
    idempotency_key: idempotencyKey,
    inventory_item_id: id("inventory_item_id"),
    location_id: id("location_id").optional(),
    reason: z.enum(ADJUSTMENT_REASONS),
    quantity: z.number().int("must be a whole number").refine((q) => q !== 0, "cannot be 0"),
    note: optionalText(500),
  })
  .superRefine((b, ctx) => {
    if (b.reason !== "correction" && b.quantity < 0) ctx.addIssue({ code: "custom", path: ["quantity"], message: `give the number of units ${b.reason === "found" ? "found" : "lost"} (positive); use reason correction for a signed fix` });
  });
export type CreateStockAdjustmentBody = z.input<typeof createStockAdjustmentBodySchema>;

/** POST /admin/inventory/stock-takes */
export const createStockTakeBodySchema = z.object({ location_id: id("location_id").optional(), note: optionalText(500) });
export type CreateStockTakeBody = z.input<typeof createStockTakeBodySchema>;
/** POST /admin/inventory/stock-takes/:id/counts — a scan (code, add 1) or a typed count (set). */
export const recordStockTakeCountBodySchema = z
  .object({
    code: z.string().trim().min(1).max(80).optional(),
    line_id: z.string().trim().min(1).optional(),
    mode: z.enum(["add", "set"]).default("add"),
    quantity: z.number().int("must be a whole number").min(0, "cannot be negative").default(1),
  })
  .refine((b) => !!b.code !== !!b.line_id, { message: "send either code (barcode or SKU) or line_id", path: ["code"] });
export type RecordStockTakeCountBody = z.input<typeof recordStockTakeCountBodySchema>;

// ---- answers ---------------------------------------------------------------------------------

export const inventoryLevelRowSchema = z.object({
  inventory_item_id: z.string(),
  location_id: z.string(),
  location_name: z.string().nullable(),
  title: z.string(),
  sku: z.string().nullable(),
  barcode: z.string().nullable(),
  on_hand: z.number(),
  reserved: z.number(),
  available: z.number(),
  low_stock_threshold: z.number().nullable(),
  low_stock: z.boolean(),
  average_cost_sen: z.number(),
});
export type InventoryLevelRow = z.infer<typeof inventoryLevelRowSchema>;
export const inventoryLevelListSchema = z.object({ levels: z.array(inventoryLevelRowSchema), count: z.number(), low_stock_count: z.number() });
export type InventoryLevelList = z.infer<typeof inventoryLevelListSchema>;

export const stockMovementSchema = z.object({
  id: z.string(),
  inventory_item_id: z.string(),
  location_id: z.string(),
  quantity_delta: z.number(),
  kind: z.string(),
  unit_cost_sen: z.number().nullable(),
  reference_type: z.string().nullable(),
  reference_id: z.string().nullable(),
  actor_id: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  created_at: z.string(),
});
export type StockMovement = z.infer<typeof stockMovementSchema>;
export const stockItemDetailSchema = z.object({
  item: z.object({ inventory_item_id: z.string(), title: z.string(), sku: z.string().nullable(), barcode: z.string().nullable(), average_cost_sen: z.number(), low_stock_threshold: z.number().nullable() }),
  levels: z.array(inventoryLevelRowSchema),
  movements: z.array(stockMovementSchema.extend({ balance: z.number() })),
});
export type StockItemDetail = z.infer<typeof stockItemDetailSchema>;

export const supplierItemSchema = z.object({ id: z.string(), inventory_item_id: z.string(), title: z.string().nullable(), sku: z.string().nullable(), supplier_sku: z.string().nullable(), cost_sen: z.number(), lead_time_days: z.number() });
export const supplierSchema = z.object({
  id: z.string(), name: z.string(), contact_name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable(),
  address: z.string().nullable(), notes: z.string().nullable(), items: z.array(supplierItemSchema),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const purchaseOrderSchema = z.object({
  id: z.string(), po_number: z.string(), supplier_id: z.string(), supplier_name: z.string().nullable(), location_id: z.string(),
  status: z.enum(["draft", "sent", "partially_received", "received", "cancelled"]), note: z.string().nullable(),
  expected_at: z.string().nullable(), sent_at: z.string().nullable(), received_at: z.string().nullable(), cancelled_at: z.string().nullable(),
  created_by: z.string(), created_at: z.string(), total_sen: z.number(),
  lines: z.array(z.object({ id: z.string(), inventory_item_id: z.string(), title: z.string(), sku: z.string().nullable(), quantity_ordered: z.number(), quantity_received: z.number(), unit_cost_sen: z.number() })),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderSchema>;

export const stockTakeSchema = z.object({
  id: z.string(), location_id: z.string(), status: z.enum(["open", "counting", "posted", "cancelled"]), note: z.string().nullable(),
  created_by: z.string(), created_at: z.string(), posted_by: z.string().nullable(), posted_at: z.string().nullable(),
  lines: z.array(z.object({ id: z.string(), inventory_item_id: z.string(), title: z.string(), sku: z.string().nullable(), barcode: z.string().nullable(), expected_quantity: z.number(), counted_quantity: z.number().nullable() })),
  review: z.object({
    variances: z.array(z.object({ line_id: z.string(), inventory_item_id: z.string(), expected_quantity: z.number(), counted_quantity: z.number(), variance: z.number() })),
    uncounted: z.array(z.string()), matched: z.number(),
  }),
});
export type StockTake = z.infer<typeof stockTakeSchema>;

export const ledgerCheckSchema = z.object({
  ok: z.boolean(), levels_checked: z.number(),
  mismatches: z.array(z.object({ inventory_item_id: z.string(), location_id: z.string(), stocked_quantity: z.number(), ledger_quantity: z.number() })),
});
