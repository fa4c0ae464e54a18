import type { Logger, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, CustomerWorkflowEvents, generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils";
import { LIVE_EVENTS } from "@voltura/domain";
import { rows, sqlConnection, type Sql, type SqlTransaction } from "@voltura/medusa-kit";
import { customerLockKey } from "../../domain/customer-state";
import { mergeKey, mergeReplay, mergeRequestHash, type MergeCounts, type MergeReplay } from "../../domain/merge-plan";
import {
  lockPair, mergeProfiles, moveDevices, moveNotes, moveOrders, moveRepairJobs, retireDuplicate, writeMergeNote, type MergeCustomer, type MergePair,
} from "./move-customer-records";

export interface MergeCustomersInput extends MergePair {
  /** Same key → the one merge's answer; without one the pair is the key. */
  idempotency_key?: string;
}

export interface MergeOutcome {
  merged: MergeCounts;
  /** True when the answer is the stored one of an earlier request with the key. */
  replayed: boolean;
}

/** 409 for a key already used for another pair: nothing was merged. */
export class MergeKeyReusedError extends Error {
  readonly code = "idempotency_key_reused";
  constructor(key: string) {
    super(`idempotency_key: ${key} was already used to merge another pair of customers`);
  }
}

/** The stored merge of a key and what it means for this request (a replay, or a reuse with another pair). */
export async function findMerge(db: Sql, input: MergeCustomersInput): Promise<MergeReplay> {
  const [stored] = await rows(db, `SELECT request_hash, result FROM customer_merge WHERE idempotency_key = ? AND deleted_at IS NULL`,
    [mergeKey(input.primary_id, input.duplicate_id, input.idempotency_key)]);
  return mergeReplay(stored ? { request_hash: String(stored.request_hash), result: stored.result as MergeCounts } : null,
    mergeRequestHash(input.primary_id, input.duplicate_id));
}

function answerReplay(replay: MergeReplay, key: string): MergeOutcome | null {
  if (replay.kind === "reused") throw new MergeKeyReusedError(key);
  return replay.kind === "replay" ? { merged: replay.result, replayed: true } : null;
}

/** Everything a merge writes, in order, on one transaction; the merge record last. */
export async function applyMerge(trx: SqlTransaction, pair: MergePair, duplicate: MergeCustomer, key: string): Promise<MergeCounts> {
  const profiles = await mergeProfiles(trx, pair);
  const notes = await moveNotes(trx, profiles.duplicate_profile_id, profiles.target_id);
  const devices = await moveDevices(trx, pair);
  const repairJobs = await moveRepairJobs(trx, pair);
  const orders = await moveOrders(trx, pair);
  await retireDuplicate(trx, pair, profiles.duplicate_profile_id);
  const counts: MergeCounts = { duplicate_id: pair.duplicate_id, repair_jobs: repairJobs, devices, notes, orders };
  await writeMergeNote(trx, pair, profiles.target_id, duplicate, counts);
  const [recorded] = await rows(trx,
    `INSERT INTO customer_merge (id, idempotency_key, request_hash, primary_id, duplicate_id, merged_by, result)
     VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (idempotency_key) WHERE deleted_at IS NULL DO NOTHING RETURNING id`,
    [generateEntityId(undefined, "cmerge"), key, mergeRequestHash(pair.primary_id, pair.duplicate_id), pair.primary_id, pair.duplicate_id,
      pair.merged_by, JSON.stringify(counts)]);
  // The key was taken meanwhile by a merge of another pair (this pair's would have been seen under the row locks).
  if (!recorded) throw new MergeKeyReusedError(key);
  return counts;
}

/** Holds the CRM lock on both customers while `job` runs (the writes' workflows take the same keys). */
function withCustomerLocks<T>(container: MedusaContainer, customerIds: string[], job: () => Promise<T>): Promise<T> {
  return container.resolve(Modules.LOCKING).execute(customerIds.map(customerLockKey), job, { timeout: 15 });
}

/**
 * The merge (run by the merge route, not a workflow: its compensation is the transaction's rollback).
 * Merges a duplicate customer into a primary in ONE PostgreSQL transaction: repair-job, device and
 * profile links, notes, tags, type and last visit, Medusa orders, the duplicate's soft delete and
 * the merge record with its idempotency key. A crash or error at any point leaves both customers
 * exactly as they were; a retry with the key (or the same pair) answers the one merge.
 */
export async function mergeCustomers(container: MedusaContainer, input: MergeCustomersInput): Promise<MergeOutcome> {
  if (input.primary_id === input.duplicate_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: duplicate_id: a customer cannot be merged into itself");
  }
  const key = mergeKey(input.primary_id, input.duplicate_id, input.idempotency_key);
  const pg = sqlConnection(container);
  const early = answerReplay(await findMerge(pg, input), key);
  if (early) return early;

  const pair: MergePair = { primary_id: input.primary_id, duplicate_id: input.duplicate_id, merged_by: input.merged_by };
  const outcome = await withCustomerLocks(container, [pair.primary_id, pair.duplicate_id], () =>
    pg.transaction(async (trx): Promise<MergeOutcome> => {
      const { primary, duplicate } = await lockPair(trx, pair);
      // A copy of this request that held the locks first has committed by now.
      const replay = answerReplay(await findMerge(trx, input), key);
      if (replay) return replay;
      if (!primary) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${pair.primary_id} was not found`);
      if (!duplicate) throw new MedusaError(MedusaError.Types.NOT_FOUND, `duplicate_id: customer ${pair.duplicate_id} was not found`);
      return { merged: await applyMerge(trx, pair, duplicate, key), replayed: false };
    }),
  );
  if (!outcome.replayed) await announceDeleted(container, pair.duplicate_id, pair.primary_id);
  return outcome;
}

/** `customer.deleted`, as Medusa's delete workflow emits it, and the merge itself (live updates); after the commit, best effort. */
async function announceDeleted(container: MedusaContainer, customerId: string, keptId: string): Promise<void> {
  try {
    await container.resolve(Modules.EVENT_BUS).emit([
      { name: CustomerWorkflowEvents.DELETED, data: { id: customerId } },
      { name: LIVE_EVENTS.customersMerged, data: { kept_id: keptId, merged_id: customerId } },
    ]);
  } catch (error) {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`CRM merge: customer.deleted for ${customerId} not emitted: ${String(error)}`);
  }
}
