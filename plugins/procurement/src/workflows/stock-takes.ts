import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError, Modules } from "@medusajs/framework/utils";
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { rows, sqlConnection, withStockLocks } from "@voltura/medusa-kit";
import { loadItemInfo, resolveLocationId } from "../inventory/items";
import { announceLowStock, announceStockChange } from "../ledger/apply";
import { bookStockMovements } from "../ledger/book";
import { lineForCode, nextCount, reviewStockTake, stockTakeAcceptsCounts, type StockTakeLineState, type StockTakeStatus } from "../rules/stock-take";
import { withDocumentLock } from "./idempotency";
import { createRecords, deleteRecords, listRecords, updateRecords, updateRecordsStep } from "./steps/records";

type LineRow = StockTakeLineState & { sku: string | null; barcode: string | null; title: string };

/** The lock counting, posting and cancelling a session all take. */
const stockTakeLockKey = (id: string) => `stock-take:${id}`;

async function loadTake(container: MedusaContainer, id: string, wanted: "count" | "cancel") {
  const [take] = await listRecords(container, "StockTake", { id });
  if (!take) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock take ${id} not found`);
  const status = take.status as StockTakeStatus;
  if (!stockTakeAcceptsCounts(status)) throw new MedusaError(MedusaError.Types.CONFLICT, `Stock take is ${status}: it can no longer ${wanted}`);
  const lines = (await listRecords(container, "StockTakeLine", { stock_take_id: id })) as unknown as LineRow[];
  return { take, lines: lines.map((l) => ({ ...l, expected_quantity: Number(l.expected_quantity), counted_quantity: l.counted_quantity === null ? null : Number(l.counted_quantity) })) };
}

/** Opens a session at a location with every item stocked there, expected = the stocked quantity now. */
const openStockTakeStep = createStep(
  "open-stock-take",
  async (input: { location_id?: string; note?: string | null; created_by: string }, { container }) => {
    const location_id = await resolveLocationId(container, input.location_id);
    const levels = await container.resolve(Modules.INVENTORY).listInventoryLevels({ location_id }, { select: ["inventory_item_id", "stocked_quantity"] });
    const info = await loadItemInfo(container, levels.map((l) => l.inventory_item_id));
    const [take] = await createRecords(container, "StockTake", [{ location_id, note: input.note ?? null, created_by: input.created_by, status: "open" }]);
    try {
      await createRecords(container, "StockTakeLine", levels.map((l) => {
        const item = info.get(l.inventory_item_id);
        return {
          stock_take_id: take!.id, inventory_item_id: l.inventory_item_id, title: item?.title ?? l.inventory_item_id, sku: item?.sku ?? null,
          barcode: item?.barcode ?? null, expected_quantity: Number(l.stocked_quantity), counted_quantity: null,
        };
      }));
    } catch (error) {
      await deleteRecords(container, "StockTake", [take!.id]);
      throw error;
    }
    return new StepResponse({ id: take!.id }, take!.id);
  },
  async (id, { container }) => {
    if (!id) return;
    const lines = await listRecords(container, "StockTakeLine", { stock_take_id: id });
    if (lines.length) await deleteRecords(container, "StockTakeLine", lines.map((l) => l.id));
    await deleteRecords(container, "StockTake", [id]);
  },
);

export const openStockTakeWorkflow = createWorkflow("open-stock-take", (input: { location_id?: string; note?: string | null; created_by: string }) => {
  return new WorkflowResponse(openStockTakeStep(input));
});

export interface RecordStockTakeCountInput {
  stock_take_id: string;
  code?: string;
  line_id?: string;
  mode: "add" | "set";
  quantity: number;
}

/** A scan adds to the line's count, a typed number sets it; the session moves to counting. */
const recordCountStep = createStep(
  "record-stock-take-count",
  async (input: RecordStockTakeCountInput, { container }) => {
    const { take, lines } = await loadTake(container, input.stock_take_id, "count");
    const line = input.line_id ? lines.find((l) => l.id === input.line_id) : lineForCode(lines, input.code ?? "");
    if (!line) {
      const field = input.line_id ? "line_id" : "code";
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: ${input.line_id ?? input.code} is not an item of this stock take`);
    }
    const counted = nextCount(line.counted_quantity, input.mode, input.quantity);
    await updateRecords(container, "StockTakeLine", [{ id: line.id, counted_quantity: counted }]);
    if (take.status === "open") await updateRecords(container, "StockTake", [{ id: take.id, status: "counting" }]);
    return new StepResponse({ line_id: line.id, counted_quantity: counted }, { line_id: line.id, before: line.counted_quantity, take_id: take.id, status_before: take.status });
  },
  async (undo, { container }) => {
    if (!undo) return;
    await updateRecords(container, "StockTakeLine", [{ id: undo.line_id, counted_quantity: undo.before }]);
    await updateRecords(container, "StockTake", [{ id: undo.take_id, status: undo.status_before }]);
  },
);

export const recordStockTakeCountWorkflow = createWorkflow("record-stock-take-count", (input: RecordStockTakeCountInput) => {
  const lockKey = transform({ input }, ({ input }) => stockTakeLockKey(input.stock_take_id));
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 });
  const result = recordCountStep(input);
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(result);
});

export interface PostStockTakeResult {
  id: string;
  /** The session was already posted: its one posting is the answer. */
  replayed: boolean;
}

/**
 * Posts the variances (counted − expected at opening) as `stock_take` ledger rows and closes the
 * session, in ONE transaction: the session row locked FOR UPDATE first, the movements with their
 * level changes, and the status `posted`. Uncounted lines are left as they are. Posting a posted
 * session again answers that posting (nothing is booked twice); a cancelled one is 409.
 */
export async function postStockTake(container: MedusaContainer, input: { stock_take_id: string; posted_by: string }): Promise<PostStockTakeResult> {
  const db = sqlConnection(container);
  // A session's lines are fixed when it opens: these are the items to lock.
  const items = await rows(db, `SELECT DISTINCT inventory_item_id FROM stock_take_line WHERE stock_take_id = ? AND deleted_at IS NULL`, [input.stock_take_id]);
  const outcome = await withDocumentLock(container, stockTakeLockKey(input.stock_take_id), () =>
    withStockLocks(container, items.map((i) => String(i.inventory_item_id)), () => db.transaction(async (trx) => {
      const [take] = await rows(trx, `SELECT id, status, location_id FROM stock_take WHERE id = ? AND deleted_at IS NULL FOR UPDATE`, [input.stock_take_id]);
      if (!take) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Stock take ${input.stock_take_id} not found`);
      const status = take.status as StockTakeStatus;
      if (status === "posted") return { id: String(take.id), replayed: true, low_stock: [], item_ids: [] as string[] };
      if (!stockTakeAcceptsCounts(status)) throw new MedusaError(MedusaError.Types.CONFLICT, `Stock take is ${status}: it can no longer post`);
      const lines = await rows(trx, `SELECT id, inventory_item_id, expected_quantity, counted_quantity FROM stock_take_line WHERE stock_take_id = ? AND deleted_at IS NULL`, [take.id]);
      const review = reviewStockTake(lines.map((l) => ({
        id: String(l.id), inventory_item_id: String(l.inventory_item_id), expected_quantity: Number(l.expected_quantity),
        counted_quantity: l.counted_quantity === null ? null : Number(l.counted_quantity),
      })));
      if (review.uncounted.length === lines.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "counts: nothing was counted yet");
      const booked = await bookStockMovements(trx, review.variances.map((v) => ({
        inventory_item_id: v.inventory_item_id, location_id: String(take.location_id), quantity_delta: v.variance, kind: "stock_take" as const,
        reference_type: "stock_take", reference_id: String(take.id), actor_id: input.posted_by, note: `Counted ${v.counted_quantity}, expected ${v.expected_quantity}`,
      })));
      await trx.raw(`UPDATE stock_take SET status = 'posted', posted_by = ?, posted_at = now(), updated_at = now() WHERE id = ?`, [input.posted_by, take.id]);
      return { id: String(take.id), replayed: false, low_stock: booked.low_stock, item_ids: review.variances.map((v) => v.inventory_item_id) };
    })));
  await announceLowStock(container, outcome.low_stock);
  await announceStockChange(container, outcome.item_ids);
  return { id: outcome.id, replayed: outcome.replayed };
}

const checkCancellableStep = createStep("check-stock-take-cancellable", async (input: { stock_take_id: string }, { container }) => {
  const { take } = await loadTake(container, input.stock_take_id, "cancel");
  return new StepResponse(take.id);
});

export const cancelStockTakeWorkflow = createWorkflow("cancel-stock-take", (input: { stock_take_id: string }) => {
  const lockKey = transform({ input }, ({ input }) => stockTakeLockKey(input.stock_take_id));
  acquireLockStep({ key: lockKey, timeout: 10, ttl: 30 });
  const id = checkCancellableStep(input);
  updateRecordsStep(transform({ id }, ({ id }) => ({ entity: "StockTake" as const, data: [{ id, status: "cancelled" }] })));
  releaseLockStep({ key: lockKey });
  return new WorkflowResponse(id);
});
