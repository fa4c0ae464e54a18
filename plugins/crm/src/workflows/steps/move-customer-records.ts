import { generateEntityId, MedusaError } from "@medusajs/framework/utils";
import type { CustomerType, DeviceType } from "@voltura/domain";
import { rows, type SqlRow, type SqlTransaction } from "@voltura/medusa-kit";
import { asTags, customerName, type DeviceRow, type ProfileRow } from "../../domain/customer-state";
import { mergedProfile, planDeviceMoves, type MergeCounts } from "../../domain/merge-plan";

/**
 * The steps of a merge, each a set of SQL statements on the one transaction the merge runs in
 * (workflows/merge-customers.ts): the link tables (customer ↔ profile, customer ↔ device,
 * device ↔ repair job, customer ↔ repair job), the CRM's own tables, Medusa's `order` and
 * `customer`. Links are moved as Medusa's Link service does: the old row soft-deleted, the new one
 * inserted or revived. Nothing is written outside the transaction, so a crash anywhere leaves the
 * pair as it was.
 */

export interface MergePair {
  primary_id: string;
  duplicate_id: string;
  merged_by: string;
}

export interface MergeCustomer {
  id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  has_account: boolean;
}

const linkId = () => generateEntityId(undefined, "link");
const textOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toMergeCustomer(row: SqlRow): MergeCustomer {
  return {
    id: String(row.id), first_name: textOrNull(row.first_name), last_name: textOrNull(row.last_name),
    email: textOrNull(row.email), phone: textOrNull(row.phone), has_account: row.has_account === true,
  };
}

function toDeviceRow(row: SqlRow): DeviceRow {
  return {
    id: String(row.id), device_type: row.device_type as DeviceType, brand: String(row.brand), model: String(row.model),
    imei_serial: textOrNull(row.imei_serial), colour: textOrNull(row.colour), created_at: row.created_at as Date,
  };
}

/** Locks both customers (id order, FOR UPDATE): a second merge of the pair waits here, then sees the first. */
export async function lockPair(trx: SqlTransaction, pair: MergePair): Promise<{ primary: MergeCustomer | null; duplicate: MergeCustomer | null }> {
  const found = (await rows(trx,
    `SELECT id, first_name, last_name, email, phone, has_account FROM customer WHERE id IN (?, ?) AND deleted_at IS NULL ORDER BY id FOR UPDATE`,
    [pair.primary_id, pair.duplicate_id])).map(toMergeCustomer);
  return { primary: found.find((c) => c.id === pair.primary_id) ?? null, duplicate: found.find((c) => c.id === pair.duplicate_id) ?? null };
}

async function profileOf(trx: SqlTransaction, customerId: string): Promise<ProfileRow | null> {
  const [row] = await rows(trx,
    `SELECT p.id, p.customer_type, p.tags, p.last_visit_at FROM customer_customer_crm_customer_profile l
       JOIN customer_profile p ON p.id = l.customer_profile_id AND p.deleted_at IS NULL
      WHERE l.customer_id = ? AND l.deleted_at IS NULL ORDER BY p.created_at LIMIT 1 FOR UPDATE OF p`, [customerId]);
  return row ? { id: String(row.id), customer_type: row.customer_type as CustomerType, tags: asTags(row.tags), last_visit_at: row.last_visit_at as Date | null } : null;
}

async function devicesOf(trx: SqlTransaction, customerId: string): Promise<DeviceRow[]> {
  return (await rows(trx,
    `SELECT d.id, d.device_type, d.brand, d.model, d.imei_serial, d.colour, d.created_at FROM customer_customer_crm_device l
       JOIN device d ON d.id = l.device_id AND d.deleted_at IS NULL
      WHERE l.customer_id = ? AND l.deleted_at IS NULL ORDER BY d.created_at DESC FOR UPDATE OF d`, [customerId])).map(toDeviceRow);
}

/** The primary's profile with the duplicate's folded in (created for a primary without one); the duplicate's, if any. */
export async function mergeProfiles(trx: SqlTransaction, pair: MergePair): Promise<{ target_id: string; duplicate_profile_id: string | null }> {
  const duplicate = await profileOf(trx, pair.duplicate_id);
  let target = await profileOf(trx, pair.primary_id);
  if (!target) {
    target = { id: generateEntityId(undefined, "cprof"), customer_type: "walk_in", tags: [], last_visit_at: null };
    await trx.raw(`INSERT INTO customer_profile (id, customer_type, tags, last_visit_at) VALUES (?, 'walk_in', '[]'::jsonb, NULL)`, [target.id]);
    await trx.raw(`INSERT INTO customer_customer_crm_customer_profile (id, customer_id, customer_profile_id) VALUES (?, ?, ?)`, [linkId(), pair.primary_id, target.id]);
  }
  const merged = mergedProfile(target, duplicate);
  await trx.raw(`UPDATE customer_profile SET customer_type = ?, tags = ?::jsonb, last_visit_at = ?, updated_at = now() WHERE id = ?`,
    [merged.customer_type, JSON.stringify(merged.tags), merged.last_visit_at ? new Date(merged.last_visit_at) : null, target.id]);
  return { target_id: target.id, duplicate_profile_id: duplicate?.id ?? null };
}

export async function moveNotes(trx: SqlTransaction, fromProfileId: string | null, toProfileId: string): Promise<number> {
  if (!fromProfileId) return 0;
  const moved = await rows(trx,
    `UPDATE customer_note SET profile_id = ?, updated_at = now() WHERE profile_id = ? AND deleted_at IS NULL RETURNING id`, [toProfileId, fromProfileId]);
  return moved.length;
}

/** Soft-deletes the link rows matching `where` and returns them (what the Link service's dismiss does). */
async function dismissLinks(trx: SqlTransaction, table: string, where: string, bindings: unknown[]): Promise<Array<Record<string, unknown>>> {
  return rows(trx, `UPDATE ${table} SET deleted_at = now(), updated_at = now() WHERE ${where} AND deleted_at IS NULL RETURNING *`, bindings);
}

/** Inserts a link row, or revives a soft-deleted one for the same pair (the Link service's create). */
async function createLink(trx: SqlTransaction, table: string, columns: [string, string], values: [string, string]): Promise<void> {
  await trx.raw(
    `INSERT INTO ${table} (id, ${columns[0]}, ${columns[1]}) VALUES (?, ?, ?)
     ON CONFLICT (${columns[0]}, ${columns[1]}) DO UPDATE SET deleted_at = NULL, updated_at = now()`,
    [linkId(), ...values]);
}

/** Gives the primary the duplicate's devices; one the primary already has (same IMEI / serial) folds into the primary's record. */
export async function moveDevices(trx: SqlTransaction, pair: MergePair): Promise<number> {
  const duplicateDevices = await devicesOf(trx, pair.duplicate_id);
  const moves = planDeviceMoves(await devicesOf(trx, pair.primary_id), duplicateDevices);
  for (const move of moves) {
    await dismissLinks(trx, "customer_customer_crm_device", "customer_id = ? AND device_id = ?", [pair.duplicate_id, move.device_id]);
    if (move.kind === "move") {
      await createLink(trx, "customer_customer_crm_device", ["customer_id", "device_id"], [pair.primary_id, move.device_id]);
      continue;
    }
    const jobs = await dismissLinks(trx, "crm_device_repair_repair_job", "device_id = ?", [move.device_id]);
    for (const job of jobs) await createLink(trx, "crm_device_repair_repair_job", ["device_id", "repair_job_id"], [move.into_id, String(job.repair_job_id)]);
    await trx.raw(`UPDATE device SET deleted_at = now(), updated_at = now() WHERE id = ?`, [move.device_id]);
  }
  return duplicateDevices.length;
}

/** The repair plugin's customer ↔ job links of the duplicate go to the primary. */
export async function moveRepairJobs(trx: SqlTransaction, pair: MergePair): Promise<number> {
  const links = await dismissLinks(trx, "customer_customer_repair_repair_job", "customer_id = ?", [pair.duplicate_id]);
  for (const link of links) await createLink(trx, "customer_customer_repair_repair_job", ["customer_id", "repair_job_id"], [pair.primary_id, String(link.repair_job_id)]);
  return links.length;
}

/** Medusa orders of the duplicate (the order module keeps the customer on the order row). */
export async function moveOrders(trx: SqlTransaction, pair: MergePair): Promise<number> {
  return (await rows(trx, `UPDATE "order" SET customer_id = ?, updated_at = now() WHERE customer_id = ? AND deleted_at IS NULL RETURNING id`,
    [pair.primary_id, pair.duplicate_id])).length;
}

/**
 * Retires the duplicate: its profile and profile link, then the customer itself as the customer
 * module's soft delete does (addresses with it, group memberships detached).
 */
export async function retireDuplicate(trx: SqlTransaction, pair: MergePair, duplicateProfileId: string | null): Promise<void> {
  if (duplicateProfileId) {
    await dismissLinks(trx, "customer_customer_crm_customer_profile", "customer_id = ?", [pair.duplicate_id]);
    await trx.raw(`UPDATE customer_profile SET deleted_at = now(), updated_at = now() WHERE id = ?`, [duplicateProfileId]);
  }
  await trx.raw(`UPDATE customer_address SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND deleted_at IS NULL`, [pair.duplicate_id]);
  await trx.raw(`UPDATE customer_group_customer SET deleted_at = now(), updated_at = now() WHERE customer_id = ? AND deleted_at IS NULL`, [pair.duplicate_id]);
  const gone = await rows(trx, `UPDATE customer SET deleted_at = now(), updated_at = now() WHERE id = ? AND deleted_at IS NULL RETURNING id`, [pair.duplicate_id]);
  if (!gone.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `duplicate_id: customer ${pair.duplicate_id} was not found`);
}

/** The line in the primary's history saying what came over. */
export async function writeMergeNote(trx: SqlTransaction, pair: MergePair, profileId: string, duplicate: MergeCustomer, counts: MergeCounts): Promise<void> {
  const who = `${customerName(duplicate)} (${duplicate.phone ?? "no phone"}, ${duplicate.id})`;
  await trx.raw(`INSERT INTO customer_note (id, profile_id, body, author) VALUES (?, ?, ?, ?)`, [
    generateEntityId(undefined, "cnote"), profileId,
    `Merged ${who} into this customer: ${counts.repair_jobs} repair job(s), ${counts.devices} device(s), ${counts.notes} note(s), ${counts.orders} order(s).`,
    pair.merged_by,
  ]);
}
