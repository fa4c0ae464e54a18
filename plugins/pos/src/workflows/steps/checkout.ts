import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, generateEntityId } from "@medusajs/framework/utils";
import type { PosCheckoutInput } from "@voltura/contracts";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { z } from "zod";
import { decideCheckoutRetry, type CheckoutClaimStatus } from "@voltura/pos-rules";
import type { Approver } from "./approver";
import { commitCheckout, type CommitOutcome } from "./checkout-commit";
import { finishCheckoutOutbox, takeOutboxLease } from "./checkout-outbox";
import { posConflict } from "./errors";
import { prepareCheckout } from "./prepare-checkout";

export interface CheckoutRequest {
  body: PosCheckoutInput;
  request_hash: string;
  cashier: { id: string; name: string };
  /** Resolved only when the sale is actually made (a replay needs no manager). */
  approver: () => Promise<Approver | null>;
}

export interface CheckoutResult {
  sale_id: string;
  receipt_number: string;
  replayed: boolean;
}

const claimRowSchema = z.object({
  id: z.string(),
  status: z.enum(["pending", "committed", "completed"]) satisfies z.ZodType<CheckoutClaimStatus>,
  request_hash: z.string(),
  receipt_number: z.string().nullable(),
  lease_until: z.date().nullable(),
  created_at: z.date(),
});
type ClaimRow = z.infer<typeof claimRowSchema>;

/** How long a retry waits for whoever holds the key before answering. */
export const CHECKOUT_WAIT_MS = 20_000;
const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function findClaim(container: MedusaContainer, key: string): Promise<ClaimRow | null> {
  const [row] = await rows(sqlConnection(container),
    `SELECT id, status, request_hash, receipt_number, lease_until, created_at FROM pos_sale WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
  return row ? claimRowSchema.parse(row) : null;
}

/** The outbox right after commit; a failure here leaves a committed sale for a retry or the recovery. */
async function tryOutbox(container: MedusaContainer, saleId: string): Promise<void> {
  try {
    await finishCheckoutOutbox(container, saleId);
  } catch (err) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`POS sale ${saleId} committed; its order/link/event will be finished by recovery: ${(err as Error).message}`);
  }
}

/**
 * Prepares the sale (reads only) and commits it in one transaction, leaving its outbox to run.
 * `committed: false` when the key already has a live sale. The checkout runs the outbox right after;
 * on its own this is the state a crash right after the commit leaves.
 */
export async function commitPosCheckout(container: MedusaContainer, request: CheckoutRequest): Promise<CommitOutcome> {
  const approver = await request.approver();
  const plan = await prepareCheckout(container, { sale_id: generateEntityId(undefined, "psale"), body: request.body, cashier: request.cashier, approver });
  return commitCheckout(container, plan, { idempotency_key: request.body.idempotency_key, request_hash: request.request_hash });
}

/**
 * A counter sale, crash-safe. A key seen before is answered from its row (replay, finish a
 * committed sale's outbox, wait for a live holder, or take over a dead pending claim); otherwise
 * the sale is prepared (reads only), committed in one transaction, and its outbox run at once.
 * A committed sale is answered even if its outbox has to wait for the recovery.
 */
export async function checkoutPosSale(container: MedusaContainer, request: CheckoutRequest): Promise<CheckoutResult> {
  const key = request.body.idempotency_key;
  const deadline = Date.now() + CHECKOUT_WAIT_MS;
  let approver: Promise<Approver | null> | undefined;
  const once: CheckoutRequest = { ...request, approver: () => (approver ??= request.approver()) };
  for (;;) {
    const claim = await findClaim(container, key);
    if (claim) {
      const decision = decideCheckoutRetry({ ...claim, same_body: claim.request_hash === request.request_hash }, new Date());
      const replay = { sale_id: claim.id, receipt_number: claim.receipt_number ?? "", replayed: true };
      if (decision === "reused") throw posConflict("idempotency_key_reused", "This idempotency_key was used for a different sale", { field: "idempotency_key" });
      if (decision === "replay") return replay;
      if (decision === "finish_outbox") {
        if (!(await takeOutboxLease(container, claim.id))) continue;
        await tryOutbox(container, claim.id);
        return replay;
      }
      if (decision === "wait") {
        if (Date.now() < deadline) {
          await sleep(POLL_MS);
          continue;
        }
        if (claim.status === "committed") return replay;
        const retryAfter = Math.max(1, Math.ceil(((claim.lease_until?.getTime() ?? Date.now()) - Date.now()) / 1000));
        throw posConflict("checkout_in_progress", "This checkout is still being processed; try again in a moment", { idempotency_key: key, retry_after_seconds: retryAfter });
      }
      // take_over: sell afresh; the commit removes the dead claim inside its transaction.
    }
    const outcome = await commitPosCheckout(container, once);
    if (!outcome.committed) {
      // Another send with the key committed first: answer from its row.
      await sleep(POLL_MS);
      continue;
    }
    await tryOutbox(container, outcome.sale_id);
    return { sale_id: outcome.sale_id, receipt_number: outcome.receipt_number, replayed: false };
  }
}
