import type { MedusaContainer } from "@medusajs/framework/types";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { decideKeyedChange } from "@voltura/pos-rules";
import type { Approver } from "./approver";
import { findShopLocationId, loadPosSettings } from "./context";
import type { AuditEntryInput } from "@voltura/domain";
import { commitReturn, returnOfKey, type ReturnBody, type ReturnOutcome } from "./return-commit";
import { finishCheckoutIfAbandoned, keyReused } from "./sale-change";
import { finishSaleOutboxOf, runHeldSaleOutbox } from "./sale-outbox";

export interface ReturnRequest {
  sale_id: string;
  body: ReturnBody;
  /** Fingerprint of the sale id and the body (credentials left out): the key sent again with anything else is refused. */
  request_hash: string;
  actor: { id: string; name: string };
  /** Resolved only when the return is actually made (a replay needs no manager). */
  approver: () => Promise<Approver | null>;
  /** The `pos.refund` audit row as the request starts it; null for callers without a request (the demo seed). */
  audit: AuditEntryInput | null;
}

/** Items whose stock a restocking return moves: the locks its transaction needs. */
async function itemsToLock(container: MedusaContainer, request: ReturnRequest): Promise<string[]> {
  if (!request.body.restock) return [];
  const found = await rows(sqlConnection(container),
    `SELECT DISTINCT inventory_item_id FROM pos_sale_line WHERE sale_id = ? AND id = ANY(?::text[]) AND inventory_item_id IS NOT NULL AND deleted_at IS NULL`,
    [request.sale_id, request.body.lines.map((l) => l.line_id)]);
  return found.map((r) => String(r.inventory_item_id));
}

/**
 * A return and its refund, crash-safe. A key seen before is answered from its return (finishing
 * what a crash left of its outbox) or refused when the body differs, before any manager is asked;
 * otherwise the return is committed in one transaction (return-commit.ts), then its outbox run:
 * the refund on the order (its transaction carries the return's id), `pos.sale.returned` and the
 * audit row. The recovery job finishes an outbox a crash interrupted.
 */
export async function returnPosSale(container: MedusaContainer, request: ReturnRequest): Promise<ReturnOutcome> {
  const earlier = await returnOfKey(sqlConnection(container), request.body.idempotency_key);
  const decision = decideKeyedChange(earlier, request.request_hash);
  if (decision === "reused") throw keyReused("return");
  if (decision === "replay") {
    await finishSaleOutboxOf(container, [earlier!.id]);
    return { sale_id: earlier!.sale_id, return_id: earlier!.id, replayed: true, outbox_ids: [] };
  }
  const approver = await request.approver();
  await finishCheckoutIfAbandoned(container, request.sale_id);
  const [settings, locationId, items] = await Promise.all([
    loadPosSettings(container),
    request.body.restock ? findShopLocationId(container) : Promise.resolve(null),
    itemsToLock(container, request),
  ]);
  const outcome = await commitReturn(container, {
    sale_id: request.sale_id, body: request.body, request_hash: request.request_hash, actor: request.actor, approver,
    refund_limit_sen: settings.refund_approval_limit_sen, location_id: locationId, audit: request.audit,
  }, items);
  if (outcome.replayed) await finishSaleOutboxOf(container, [outcome.return_id]);
  else await runHeldSaleOutbox(container, outcome.outbox_ids);
  return outcome;
}
