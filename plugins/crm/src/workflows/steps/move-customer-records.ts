import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { mergeTags } from "@voltura/domain";
import { customerName, loadCustomerCrmState, profileState, withCustomerLock, type CustomerCrmState } from "../customer-state";
import type { CrmJournal } from "../journal";
import { journaledStep } from "../journaled-step";
import { customerDeviceLink, customerJobLink, customerProfileLink, deviceJobLink } from "../links";
import { deviceWithImei } from "./add-customer-device";
import { ensureProfile } from "./ensure-profile";

export interface MoveCustomerRecordsInput {
  primary_id: string;
  duplicate_id: string;
  merged_by: string;
}

export interface MergeCounts {
  duplicate_id: string;
  repair_jobs: number;
  devices: number;
  notes: number;
  orders: number;
}

const later = (a: Date | string | null, b: Date | string | null) => {
  if (!a) return b;
  if (!b) return a;
  return new Date(a) >= new Date(b) ? a : b;
};

/** Type, tags and last visit of the primary after the merge; a walk-in primary takes the duplicate's type. */
async function mergeProfiles(journal: CrmJournal, primary: CustomerCrmState, duplicate: CustomerCrmState) {
  const target = await ensureProfile(journal, primary.customer.id, primary);
  const dup = duplicate.profile;
  if (dup) {
    await journal.updateProfile(target.id, profileState(target), {
      customer_type: target.customer_type === "walk_in" ? dup.customer_type : target.customer_type,
      tags: mergeTags(target.tags, dup.tags),
      last_visit_at: later(target.last_visit_at, dup.last_visit_at),
    });
  }
  return target;
}

async function moveNotes(journal: CrmJournal, fromProfileId: string | undefined, toProfileId: string): Promise<number> {
  if (!fromProfileId) return 0;
  const notes = await journal.crm.listCustomerNotes({ profile_id: fromProfileId }, { select: ["id"] });
  for (const note of notes) await journal.moveNote(note.id, fromProfileId, toProfileId);
  return notes.length;
}

async function jobIdsOfDevice(journal: CrmJournal, deviceId: string): Promise<string[]> {
  const { data } = await journal.container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "device",
    fields: ["id", "repair_jobs.id"],
    filters: { id: deviceId },
  });
  const jobs = (data[0] as { repair_jobs?: Array<{ id: string } | null> | null } | undefined)?.repair_jobs ?? [];
  return jobs.filter((j): j is { id: string } => !!j).map((j) => j.id);
}

/**
 * Gives the primary the duplicate's devices. A device whose IMEI / serial the primary already has
 * is the same device: its jobs move to the primary's record and the duplicate record goes.
 */
async function moveDevices(journal: CrmJournal, primary: CustomerCrmState, duplicate: CustomerCrmState): Promise<number> {
  for (const device of duplicate.devices) {
    await journal.dismissLink(customerDeviceLink(duplicate.customer.id, device.id));
    const twin = deviceWithImei(primary.devices, device.imei_serial);
    if (!twin) {
      await journal.createLink(customerDeviceLink(primary.customer.id, device.id));
      continue;
    }
    for (const jobId of await jobIdsOfDevice(journal, device.id)) {
      await journal.dismissLink(deviceJobLink(device.id, jobId));
      await journal.createLink(deviceJobLink(twin.id, jobId));
    }
    await journal.deleteDevice(device.id);
  }
  return duplicate.devices.length;
}

async function moveJobs(journal: CrmJournal, primaryId: string, duplicate: CustomerCrmState): Promise<number> {
  for (const jobId of duplicate.repair_job_ids) {
    await journal.dismissLink(customerJobLink(duplicate.customer.id, jobId));
    await journal.createLink(customerJobLink(primaryId, jobId));
  }
  return duplicate.repair_job_ids.length;
}

async function moveOrders(journal: CrmJournal, primaryId: string, duplicateId: string): Promise<number> {
  const orders = await journal.container.resolve(Modules.ORDER).listOrders({ customer_id: duplicateId }, { select: ["id"] });
  for (const order of orders) await journal.moveOrder(order.id, duplicateId, primaryId);
  return orders.length;
}

/**
 * Moves everything of a duplicate customer to the primary: repair-job links, devices, notes,
 * tags, type and last visit, and Medusa orders; then retires the duplicate's profile. Deleting
 * the duplicate customer itself is the next step of the merge workflow.
 */
export const moveCustomerRecordsStep = journaledStep("move-crm-customer-records", (input: MoveCustomerRecordsInput, journal) =>
  withCustomerLock(journal.container, [input.primary_id, input.duplicate_id], async (): Promise<MergeCounts> => {
    if (input.primary_id === input.duplicate_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A customer cannot be merged into itself");
    const primary = await loadCustomerCrmState(journal.container, input.primary_id);
    const duplicate = await loadCustomerCrmState(journal.container, input.duplicate_id);

    const profile = await mergeProfiles(journal, primary, duplicate);
    const notes = await moveNotes(journal, duplicate.profile?.id, profile.id);
    const devices = await moveDevices(journal, primary, duplicate);
    const repairJobs = await moveJobs(journal, primary.customer.id, duplicate);
    const orders = await moveOrders(journal, primary.customer.id, duplicate.customer.id);
    if (duplicate.profile) {
      await journal.dismissLink(customerProfileLink(duplicate.customer.id, duplicate.profile.id));
      await journal.deleteProfile(duplicate.profile.id);
    }
    const who = `${customerName(duplicate.customer)} (${duplicate.customer.phone ?? "no phone"}, ${duplicate.customer.id})`;
    await journal.createNote(
      profile.id,
      `Merged ${who} into this customer: ${repairJobs} repair job(s), ${devices} device(s), ${notes} note(s), ${orders} order(s).`,
      input.merged_by,
    );
    return { duplicate_id: duplicate.customer.id, repair_jobs: repairJobs, devices, notes, orders };
  }),
);
