import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { matchIntakeDevice, normaliseImeiSerial, type DeviceType } from "@voltura/domain";
import { loadCustomerCrmState, profileState, withCustomerLock } from "../customer-state";
import type { CrmJournal } from "../journal";
import { deviceJobLink } from "../links";

/** The device fields of an intake (imei_serial and colour are optional extras of the intake form). */
export interface IntakeDevice {
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial?: string | null;
  colour?: string | null;
}

export interface RecordIntakeInput {
  jobId: string;
  customerId: string;
  device: IntakeDevice;
  visitedAt: Date;
}

export interface RecordIntakeResult {
  profile_id: string;
  device_id: string;
  device_created: boolean;
  profile_created: boolean;
}

/** Reads the optional intake extras without depending on the repair plugin's input type having them. */
export function intakeDevice(input: Record<string, unknown> & IntakeDevice): IntakeDevice {
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return {
    device_type: input.device_type,
    brand: input.brand.trim(),
    model: input.model.trim(),
    imei_serial: normaliseImeiSerial(text(input.imei_serial)),
    colour: text(input.colour),
  };
}

/**
 * At intake: finds or creates the customer's profile (walk-in by default) and the device the job
 * is about (by IMEI / serial when given, else type + brand + model), links device ↔ job and moves
 * the last visit forward. Runs under the customer's lock so two counters cannot create the same device.
 * Running it again for the same job finds the profile, device and link it made and adds nothing.
 */
export async function recordIntakeDevice(journal: CrmJournal, input: RecordIntakeInput): Promise<RecordIntakeResult> {
  return withCustomerLock(journal.container, input.customerId, async () => {
    const state = await loadCustomerCrmState(journal.container, input.customerId);

    let profileId: string;
    const profileCreated = !state.profile;
    if (!state.profile) {
      const profile = await journal.createProfile(input.customerId, { customer_type: "walk_in", tags: [], last_visit_at: input.visitedAt });
      profileId = profile.id;
    } else {
      profileId = state.profile.id;
      const last = state.profile.last_visit_at ? new Date(state.profile.last_visit_at) : null;
      if (!last || last < input.visitedAt) {
        await journal.updateProfile(profileId, profileState(state.profile), { last_visit_at: input.visitedAt });
      }
    }

    const matched = matchIntakeDevice(state.devices, input.device);
    const device =
      matched ??
      (await journal.createDevice(input.customerId, {
        device_type: input.device.device_type,
        brand: input.device.brand,
        model: input.device.model,
        imei_serial: normaliseImeiSerial(input.device.imei_serial),
        colour: input.device.colour ?? null,
      }));
    // Idempotent: intake's outbox runs this again after a crash, so an existing link is kept.
    const link = deviceJobLink(device.id, input.jobId);
    const linked = (await journal.container.resolve(ContainerRegistrationKeys.LINK).list(link)) as unknown[];
    if (!linked.length) await journal.createLink(link);
    return { profile_id: profileId, device_id: device.id, device_created: !matched, profile_created: profileCreated };
  });
}
