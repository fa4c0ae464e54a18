import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import { createCustomersWorkflow } from "@medusajs/medusa/core-flows";
import { rows, sqlConnection, type SqlRow } from "@voltura/medusa-kit";
import { LOW_STOCK_EVENT } from "@voltura/plugin-inventory/workflows";
import { CHECKOUT_LEASE_MS, nextOutboxTask, ordersToKeep, type CheckoutOutboxProgress, type CheckoutOutboxTask } from "@voltura/pos-rules";
import { POS_MODULE } from "../../modules/pos/index";

export const POS_SALE_COMPLETED = "pos.sale.completed";

/** What a committed sale still has to do outside its transaction (stored on the sale row). */
export interface CheckoutOutbox {
  /** The Medusa order to make (customer_id filled in once a new customer exists). */
  order: CreateOrderDTO;
  new_customer: { phone: string; name: string | null } | null;
  low_stock: Array<{ inventory_item_id: string; location_id: string; on_hand: number; threshold: number }>;
  progress: CheckoutOutboxProgress;
}

interface CommittedSale {
  id: string;
  receipt_number: string;
  customer_id: string | null;
  order_id: string | null;
  outbox: CheckoutOutbox;
}

/**
 * Takes the lease on a committed sale's outbox if nobody holds it (or its holder's lease ran out),
 * so of two instances (or a retry and the recovery) only one works on it at a time.
 */
export async function takeOutboxLease(container: MedusaContainer, saleId: string): Promise<boolean> {
  const taken = await rows(sqlConnection(container),
    `UPDATE pos_sale SET lease_until = now() + ?::int * interval '1 millisecond', updated_at = now()
      WHERE id = ? AND status = 'committed' AND deleted_at IS NULL AND (lease_until IS NULL OR lease_until <= now()) RETURNING id`,
    [CHECKOUT_LEASE_MS, saleId]);
  return taken.length > 0;
}

async function loadCommitted(container: MedusaContainer, saleId: string): Promise<CommittedSale | null> {
  const [row] = await rows(sqlConnection(container),
    `SELECT id, receipt_number, customer_id, order_id, outbox FROM pos_sale WHERE id = ? AND status = 'committed' AND deleted_at IS NULL`, [saleId]);
  return row ? committedSaleOf(row) : null;
}

const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

function committedSaleOf(row: SqlRow): CommittedSale {
  return {
    id: String(row.id), receipt_number: String(row.receipt_number), customer_id: textOrNull(row.customer_id), order_id: textOrNull(row.order_id),
    // jsonb that commitCheckout wrote from a CheckoutOutbox in the same transaction as the row.
    outbox: row.outbox as CheckoutOutbox,
  };
}

/** Records a finished task and renews the lease (each task is short; the lease covers the next one). */
async function recordProgress(container: MedusaContainer, sale: CommittedSale, task: CheckoutOutboxTask, set: { customer_id?: string; order_id?: string } = {}) {
  sale.outbox.progress[task] = true;
  await sqlConnection(container).raw(
    `UPDATE pos_sale SET outbox = ?::jsonb, customer_id = COALESCE(?, customer_id), order_id = COALESCE(?, order_id),
       lease_until = now() + ?::int * interval '1 millisecond', updated_at = now() WHERE id = ? AND status = 'committed'`,
    [JSON.stringify(sale.outbox), set.customer_id ?? null, set.order_id ?? null, CHECKOUT_LEASE_MS, sale.id]);
}

/** The customer the sale named by a phone nobody had: found by phone first, so a rerun never makes two. */
async function ensureCustomer(container: MedusaContainer, sale: CommittedSale): Promise<void> {
  const wanted = sale.outbox.new_customer!;
  const customers = container.resolve(Modules.CUSTOMER);
  const [existing] = await customers.listCustomers({ phone: wanted.phone } as Parameters<typeof customers.listCustomers>[0], { select: ["id"], take: 1, order: { created_at: "ASC" } });
  let customerId = existing?.id;
  if (!customerId) {
    const [first, ...rest] = (wanted.name ?? "").split(" ").filter(Boolean);
    const { result } = await createCustomersWorkflow(container).run({
      input: { customersData: [{ phone: wanted.phone, first_name: first ?? null, last_name: rest.join(" ") || null, metadata: { source: "pos" } }] },
    });
    customerId = result[0]!.id;
  }
  sale.outbox.order.customer_id = customerId;
  sale.customer_id = customerId;
  await recordProgress(container, sale, "customer", { customer_id: customerId });
}

async function ordersOfSale(container: MedusaContainer, saleId: string) {
  const found = await rows(sqlConnection(container),
    `SELECT id, metadata->>'receipt_number' AS receipt_number, created_at FROM "order" WHERE metadata->>'pos_sale_id' = ? AND deleted_at IS NULL`, [saleId]);
  return found.map((r) => ({ id: String(r.id), receipt_number: (r.receipt_number as string | null) ?? null, created_at: new Date(r.created_at as string) }));
}

/**
 * Exactly one Medusa order per sale: an order already carrying the sale (by `metadata.pos_sale_id`
 * and its receipt number) is kept, orders of a dead earlier attempt are deleted, and after creating
 * one the orders are counted again so a racing second creator converges on the oldest.
 */
async function ensureOrder(container: MedusaContainer, sale: CommittedSale): Promise<void> {
  const orders = container.resolve(Modules.ORDER);
  let { keep, remove } = ordersToKeep(await ordersOfSale(container, sale.id), sale.receipt_number);
  if (!keep) {
    const input: CreateOrderDTO = { ...sale.outbox.order, customer_id: sale.customer_id ?? undefined };
    await orders.createOrders(input);
    ({ keep, remove } = ordersToKeep(await ordersOfSale(container, sale.id), sale.receipt_number));
  }
  if (remove.length) {
    const link = container.resolve(ContainerRegistrationKeys.LINK);
    await link.dismiss(remove.map((o) => ({ [POS_MODULE]: { pos_sale_id: sale.id }, [Modules.ORDER]: { order_id: o.id } })));
    await orders.deleteOrders(remove.map((o) => o.id));
  }
  sale.order_id = keep!.id;
  await recordProgress(container, sale, "order", { order_id: keep!.id });
}

async function ensureLink(container: MedusaContainer, sale: CommittedSale): Promise<void> {
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const definition = { [POS_MODULE]: { pos_sale_id: sale.id }, [Modules.ORDER]: { order_id: sale.order_id! } };
  const existing = (await link.list(definition)) as unknown[];
  if (!existing.length) await link.create(definition);
  await recordProgress(container, sale, "link");
}

async function soldItems(container: MedusaContainer, saleId: string): Promise<string[]> {
  const found = await rows(sqlConnection(container),
    `SELECT DISTINCT inventory_item_id FROM pos_sale_line WHERE sale_id = ? AND inventory_item_id IS NOT NULL AND deleted_at IS NULL`, [saleId]);
  return found.map((r) => String(r.inventory_item_id));
}

/** `pos.sale.completed` and the low-stock alerts the sale's stock movements crossed (at least once). */
async function emitEvents(container: MedusaContainer, sale: CommittedSale): Promise<void> {
  const events: Array<{ name: string; data: Record<string, unknown> }> = [
    { name: POS_SALE_COMPLETED, data: { id: sale.id, receipt_number: sale.receipt_number, order_id: sale.order_id, item_ids: await soldItems(container, sale.id) } },
    ...sale.outbox.low_stock.map((data) => ({ name: LOW_STOCK_EVENT, data: { ...data } })),
  ];
  await container.resolve(Modules.EVENT_BUS).emit(events);
  await recordProgress(container, sale, "event");
}

const TASKS: Record<CheckoutOutboxTask, (container: MedusaContainer, sale: CommittedSale) => Promise<void>> = {
  customer: ensureCustomer, order: ensureOrder, link: ensureLink, event: emitEvents,
};

/**
 * Runs what is left of a committed sale's outbox, then marks the sale completed. The caller holds
 * the lease (the request that committed it, or `takeOutboxLease`). Every task can run again after
 * a crash without doing its work twice. False when the sale is not (or no longer) committed.
 */
export async function finishCheckoutOutbox(container: MedusaContainer, saleId: string): Promise<boolean> {
  const sale = await loadCommitted(container, saleId);
  if (!sale) return false;
  for (;;) {
    const task = nextOutboxTask(sale.outbox.progress, !!sale.outbox.new_customer);
    if (task === "complete") break;
    await TASKS[task](container, sale);
  }
  await sqlConnection(container).raw(
    `UPDATE pos_sale SET status = 'completed', outbox = NULL, lease_until = NULL, updated_at = now() WHERE id = ? AND status = 'committed'`, [saleId]);
  return true;
}
