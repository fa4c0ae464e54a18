import { keepOldest } from "./sale-changes.js";

/**
 * Crash consistency of a counter checkout. The sale's own rows (claim, sale, lines, payments,
 * approvals, stock ledger and on-hand) commit in one database transaction as "committed"; what lies
 * outside that transaction (the customer, the Medusa order, the sale ↔ order link, the event) is an
 * outbox finished afterwards, under a lease, until the sale is "completed". "pending" is only ever
 * left behind by the earlier step-by-step checkout: past its lease it is taken over or abandoned.
 */

export type CheckoutClaimStatus = "pending" | "committed" | "completed";

/** How long whoever holds a claim (the request that committed, a retry, the recovery) owns its outbox. */
export const CHECKOUT_LEASE_MS = 30_000;

export interface CheckoutClaimState {
  status: CheckoutClaimStatus;
  lease_until: Date | null;
  created_at: Date;
}

/** A claim without a lease (rows from before leases existed) is held for one lease after it was created. */
export function leaseExpired(claim: Pick<CheckoutClaimState, "lease_until" | "created_at">, now: Date, leaseMs = CHECKOUT_LEASE_MS): boolean {
  const until = claim.lease_until ?? new Date(claim.created_at.getTime() + leaseMs);
  return until.getTime() <= now.getTime();
}

/**
 * What a checkout sent again with a key that already has a row does:
 * - `reused`: the key belongs to a different sale (409);
 * - `replay`: the sale is complete, answer it;
 * - `finish_outbox`: the sale is committed and nobody holds its outbox: finish it, then answer it;
 * - `wait`: someone holds the claim right now: wait for it (its lease bounds the wait);
 * - `take_over`: a pending claim whose holder died: undo what it left and sell afresh under the key.
 */
export type CheckoutRetryDecision = "reused" | "replay" | "finish_outbox" | "wait" | "take_over";

export function decideCheckoutRetry(claim: CheckoutClaimState & { same_body: boolean }, now: Date, leaseMs = CHECKOUT_LEASE_MS): CheckoutRetryDecision {
  if (!claim.same_body) return "reused";
  if (claim.status === "completed") return "replay";
  const expired = leaseExpired(claim, now, leaseMs);
  if (claim.status === "committed") return expired ? "finish_outbox" : "wait";
  return expired ? "take_over" : "wait";
}

/** What the recovery routine does with a claim it finds: finish a committed sale, remove a dead pending claim, or leave it. */
export type CheckoutRecoveryAction = "finish_outbox" | "abandon" | "leave";

export function recoveryAction(claim: CheckoutClaimState, now: Date, leaseMs = CHECKOUT_LEASE_MS): CheckoutRecoveryAction {
  if (claim.status === "completed" || !leaseExpired(claim, now, leaseMs)) return "leave";
  return claim.status === "committed" ? "finish_outbox" : "abandon";
}

/** The outbox of a committed sale, in the order it runs; each task is idempotent and recorded when done. */
export const CHECKOUT_OUTBOX_TASKS = ["customer", "order", "link", "event"] as const;
export type CheckoutOutboxTask = (typeof CHECKOUT_OUTBOX_TASKS)[number];
export type CheckoutOutboxProgress = Partial<Record<CheckoutOutboxTask, boolean>>;

/**
 * The next task to run, or "complete". The customer task only runs when the sale named a phone that
 * had no customer yet; the order needs the customer, the link needs the order, and the event goes
 * last (it is emitted again after a crash before completion: at least once).
 */
export function nextOutboxTask(progress: CheckoutOutboxProgress, needsCustomer: boolean): CheckoutOutboxTask | "complete" {
  for (const task of CHECKOUT_OUTBOX_TASKS) {
    if (task === "customer" && !needsCustomer) continue;
    if (!progress[task]) return task;
  }
  return "complete";
}

/** Every order found for a sale: the one to keep (carries the sale's receipt number, oldest first) and the ones to delete. */
export function ordersToKeep<T extends { id: string; receipt_number: string | null; created_at: Date }>(orders: readonly T[], receiptNumber: string): { keep: T | null; remove: T[] } {
  const { keep } = keepOldest(orders.filter((o) => o.receipt_number === receiptNumber));
  return { keep, remove: orders.filter((o) => o !== keep) };
}
