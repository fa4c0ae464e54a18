import type { LinkDefinition, MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import type { CustomerType, DeviceType } from "@voltura/domain";
import { CRM_MODULE } from "../modules/crm/index";
import type CrmModuleService from "../modules/crm/service";
import { customerDeviceLink, customerProfileLink } from "./links";

export interface ProfileState {
  customer_type: CustomerType;
  tags: string[];
  last_visit_at: Date | string | null;
}

/** How to take back one write. Plain data: Medusa stores it with the workflow for compensation. */
export type UndoAction =
  | { kind: "delete_profile"; id: string }
  | { kind: "delete_device"; id: string }
  | { kind: "delete_note"; id: string }
  | { kind: "dismiss_link"; link: LinkDefinition }
  | { kind: "update_profile"; id: string; state: ProfileState };

/**
 * Does the CRM's single-customer writes (intake, profile, device, note) and remembers how to undo
 * each, so a step can roll back its own partial work when it fails half way and hand the list to its
 * compensation when a later step fails. (A merge touches two customers and many tables: it runs in
 * one PostgreSQL transaction instead, workflows/merge-customers.ts.)
 */
export class CrmJournal {
  readonly undo: UndoAction[] = [];

  constructor(readonly container: MedusaContainer) {}

  get crm(): CrmModuleService {
    return this.container.resolve<CrmModuleService>(CRM_MODULE);
  }

  private get link() {
    return this.container.resolve(ContainerRegistrationKeys.LINK);
  }

  async createProfile(customerId: string, data: ProfileState) {
    const profile = await this.crm.createCustomerProfiles({ ...data, last_visit_at: data.last_visit_at ? new Date(data.last_visit_at) : null });
    this.undo.push({ kind: "delete_profile", id: profile.id });
    await this.createLink(customerProfileLink(customerId, profile.id));
    return profile;
  }

  async updateProfile(id: string, before: ProfileState, patch: Partial<ProfileState>) {
    const { last_visit_at, ...rest } = patch;
    const updated = await this.crm.updateCustomerProfiles({
      id,
      ...rest,
      ...(last_visit_at !== undefined ? { last_visit_at: last_visit_at ? new Date(last_visit_at) : null } : {}),
    });
    this.undo.push({ kind: "update_profile", id, state: before });
    return updated;
  }

  async createDevice(customerId: string, data: { device_type: DeviceType; brand: string; model: string; imei_serial: string | null; colour: string | null }) {
    const device = await this.crm.createDevices(data);
    this.undo.push({ kind: "delete_device", id: device.id });
    await this.createLink(customerDeviceLink(customerId, device.id));
    return device;
  }

  async createNote(profileId: string, body: string, author: string) {
    const note = await this.crm.createCustomerNotes({ profile_id: profileId, body, author });
    this.undo.push({ kind: "delete_note", id: note.id });
    return note;
  }

  async createLink(link: LinkDefinition) {
    await this.link.create(link);
    this.undo.push({ kind: "dismiss_link", link });
  }

  /** Undoes this journal's writes, newest first. */
  rollBack(): Promise<void> {
    return rollBack(this.container, this.undo);
  }

  /**
   * After `failure`, undoes this journal's writes and rethrows `failure`. Should the undo fail
   * too, that is logged with what was left, and the original failure is still what the caller sees.
   */
  async rollBackAndThrow(failure: unknown): Promise<never> {
    try {
      await this.rollBack();
    } catch (undoError) {
      this.container.resolve(ContainerRegistrationKeys.LOGGER).error(
        `CRM: undoing a failed step failed (${String(undoError)}); left to undo: ${JSON.stringify(this.undo)}`,
      );
    }
    throw failure;
  }
}

/** Undoes recorded writes, newest first. Every action is idempotent enough to run after a partial failure. */
export async function rollBack(container: MedusaContainer, undo: readonly UndoAction[]): Promise<void> {
  const crm = container.resolve<CrmModuleService>(CRM_MODULE);
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  for (const action of [...undo].reverse()) {
    switch (action.kind) {
      case "delete_profile":
        await crm.deleteCustomerProfiles(action.id);
        break;
      case "delete_device":
        // A concurrent intake may have picked the device up meanwhile; then it stays.
        if (!(await deviceHasJobs(container, action.id))) await crm.deleteDevices(action.id);
        break;
      case "delete_note":
        await crm.deleteCustomerNotes(action.id);
        break;
      case "dismiss_link":
        await link.dismiss(action.link);
        break;
      case "update_profile":
        await crm.updateCustomerProfiles({
          id: action.id,
          customer_type: action.state.customer_type,
          tags: action.state.tags,
          last_visit_at: action.state.last_visit_at ? new Date(action.state.last_visit_at) : null,
        });
        break;
    }
  }
}

async function deviceHasJobs(container: MedusaContainer, deviceId: string): Promise<boolean> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "device",
    fields: ["id", "repair_jobs.id"],
    filters: { id: deviceId },
  });
  const jobs = (data[0] as { repair_jobs?: unknown[] | null } | undefined)?.repair_jobs ?? [];
  return jobs.some(Boolean);
}
