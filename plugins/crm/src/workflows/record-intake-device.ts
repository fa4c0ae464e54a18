import type { LinkDefinition } from "@medusajs/framework/types";
import { acquireLockStep, createRemoteLinkStep, releaseLockStep } from "@medusajs/medusa/core-flows";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { matchIntakeDevice, normaliseImeiSerial } from "@voltura/domain";
import { customerLockKey, profileState, type ProfileState } from "../domain/customer-state";
import type { IntakeDevice } from "../domain/intake-device";
import { deviceJobLink } from "../links/device-repair-jobs";
import { createCustomerDeviceStep } from "./steps/create-customer-device";
import { createCustomerProfileStep } from "./steps/create-customer-profile";
import { linkCustomerDeviceStep, linkCustomerProfileStep } from "./steps/link-customer-records";
import { loadCustomerCrmStateStep } from "./steps/load-customer-crm-state";
import { missingLinksStep } from "./steps/missing-links";
import { updateCustomerProfileStep } from "./steps/update-customer-profile";

export interface RecordIntakeInput {
  jobId: string;
  customerId: string;
  device: IntakeDevice;
  visitedAt: Date | string;
}

export interface RecordIntakeResult {
  profile_id: string;
  device_id: string;
  device_created: boolean;
  profile_created: boolean;
}

/** What one run wrote, for the intake hook's compensation (the steps' own compensations, replayed). */
export interface IntakeWrites {
  created_profile_id: string | null;
  updated_profile: { id: string; state: ProfileState } | null;
  created_device_id: string | null;
  /** In the order they were made. */
  links: LinkDefinition[];
}

const isLater = (visitedAt: Date | string, last: Date | string | null) => !last || new Date(last) < new Date(visitedAt);

/**
 * At intake, under the customer's lock: finds or creates the customer's profile (walk-in by default) and the
 * device the job is about (by IMEI / serial when given, else type + brand + model), links device ↔ job and moves
 * the last visit forward. Run again for the same job it finds the profile, device and link it made and adds nothing.
 */
export const recordIntakeDeviceWorkflow = createWorkflow("record-crm-intake-device", (input: RecordIntakeInput) => {
  const lockKey = transform({ input }, ({ input }) => customerLockKey(input.customerId));
  acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 });
  const state = loadCustomerCrmStateStep(input.customerId);

  const createdProfile = when("crm-intake-profile-missing", { state }, ({ state }) => !state.profile).then(() => {
    const profile = createCustomerProfileStep(transform({ input }, ({ input }) => ({ customer_type: "walk_in" as const, tags: [], last_visit_at: input.visitedAt })));
    const links = linkCustomerProfileStep(transform({ input, profile }, ({ input, profile }) => ({ customer_id: input.customerId, profile_id: profile.id })));
    return transform({ profile, links }, ({ profile, links }) => ({ id: profile.id, links }));
  });
  const updatedProfile = when("crm-intake-visit-later", { input, state }, ({ input, state }) => !!state.profile && isLater(input.visitedAt, state.profile.last_visit_at))
    .then(() => updateCustomerProfileStep(transform({ input, state }, ({ input, state }) => ({
      id: state.profile?.id ?? "",
      before: state.profile ? profileState(state.profile) : { customer_type: "walk_in" as const, tags: [], last_visit_at: null },
      patch: { last_visit_at: input.visitedAt },
    }))));

  const matched = transform({ input, state }, ({ input, state }) => matchIntakeDevice(state.devices, input.device));
  const createdDevice = when("crm-intake-device-new", { matched }, ({ matched }) => !matched).then(() => {
    const device = createCustomerDeviceStep(transform({ input }, ({ input }) => ({
      device_type: input.device.device_type,
      brand: input.device.brand,
      model: input.device.model,
      imei_serial: normaliseImeiSerial(input.device.imei_serial),
      colour: input.device.colour ?? null,
    })));
    const links = linkCustomerDeviceStep(transform({ input, device }, ({ input, device }) => ({ customer_id: input.customerId, device_id: device.id })));
    return transform({ device, links }, ({ device, links }) => ({ id: device.id, links }));
  });
  const deviceId = transform({ matched, createdDevice }, ({ matched, createdDevice }) => matched?.id ?? createdDevice?.id ?? "");
  // Idempotent: intake's outbox runs this again after a crash, so an existing link is kept.
  const jobLinks = missingLinksStep(transform({ input, deviceId }, ({ input, deviceId }) => [deviceJobLink(deviceId, input.jobId)]));
  createRemoteLinkStep(jobLinks);
  releaseLockStep({ key: lockKey });

  return new WorkflowResponse(transform(
    { state, createdProfile, updatedProfile, matched, createdDevice, deviceId, jobLinks },
    ({ state, createdProfile, updatedProfile, matched, createdDevice, deviceId, jobLinks }) => {
      const intake: RecordIntakeResult = {
        profile_id: state.profile?.id ?? createdProfile?.id ?? "",
        device_id: deviceId,
        device_created: !matched,
        profile_created: !state.profile,
      };
      const written: IntakeWrites = {
        created_profile_id: state.profile ? null : intake.profile_id,
        updated_profile: updatedProfile && state.profile ? { id: state.profile.id, state: profileState(state.profile) } : null,
        created_device_id: createdDevice?.id ?? null,
        links: [...(createdProfile?.links ?? []), ...(createdDevice?.links ?? []), ...jobLinks],
      };
      return { intake, written };
    },
  ));
});
