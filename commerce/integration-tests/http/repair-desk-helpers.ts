import { randomBytes } from "node:crypto";
import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { slaDueAt, DEFAULT_SHOP_SETTINGS, trackingTokenFromBytes, type Priority, type RepairStatus } from "@voltura/domain";
import { authHeaders, createStaffUser, type StaffHeaders } from "./helpers";

export type Headers = StaffHeaders;

const unique = () => Math.random().toString(36).slice(2);

/** A staff member of `role` and their bearer headers. */
export async function staff(container: MedusaContainer, role: "owner" | "manager" | "cashier" | "technician", name?: string) {
  const user = await createStaffUser(container, role, `${role}-${unique()}@desk.test`);
  if (name) {
    const [first, ...rest] = name.split(" ");
    await container.resolve(Modules.USER).updateUsers({ id: user.id, first_name: first, last_name: rest.join(" ") || null });
  }
  return { id: user.id, headers: await authHeaders(user.id, role) };
}

export async function deactivatedTechnician(container: MedusaContainer) {
  return container.resolve(Modules.USER).createUsers({ email: `gone-${unique()}@desk.test`, first_name: "Gone", metadata: { role: "technician", active: false } });
}

interface RepairModule {
  createRepairJobs(data: Record<string, unknown>): Promise<{ id: string; job_number: string; tracking_token: string }>;
  updateRepairJobs(data: Record<string, unknown>): Promise<unknown>;
  listRepairJobs(filters: Record<string, unknown>): Promise<Array<{ id: string }>>;
  listRepairJobEvents(filters: Record<string, unknown>): Promise<Array<{ id: string }>>;
}
export const repairModule = (container: MedusaContainer) => container.resolve<RepairModule>("repair");

let backdated = 0;
/**
 * A job written straight through the repair module, received `hoursAgo` hours ago with the default
 * SLA hours: how a test gets a job that is already past due without waiting.
 */
export async function createBackdatedJob(
  container: MedusaContainer,
  opts: { hoursAgo: number; priority?: Priority; status?: RepairStatus; pausedSince?: Date | null; technicianId?: string },
) {
  const receivedAt = new Date(Date.now() - opts.hoursAgo * 3_600_000);
  const priority = opts.priority ?? "normal";
  backdated += 1;
  return repairModule(container).createRepairJobs({
    job_number: `VSH-1999-${String(backdated).padStart(6, "0")}`,
    status: opts.status ?? "pending",
    device_type: "phone",
    brand: "Samsung",
    model: `Galaxy S${backdated}`,
    issue: "Back-dated for the SLA test",
    priority,
    customer_name: "Back Dated",
    customer_phone: "+60120000000",
    created_by: "test",
    received_at: receivedAt,
    sla_due_at: slaDueAt(receivedAt, priority, DEFAULT_SHOP_SETTINGS),
    sla_paused_seconds: 0,
    sla_paused_since: opts.pausedSince ?? null,
    technician_id: opts.technicianId ?? null,
    tracking_token: trackingTokenFromBytes(randomBytes(32)),
  });
}

/** Smallest files that pass as each image type by their first bytes. */
export const IMAGES = {
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
  webp: Buffer.concat([Buffer.from("RIFF"), Buffer.from([0x1a, 0, 0, 0]), Buffer.from("WEBPVP8 ")]),
  gif: Buffer.from("GIF89a\u0001\u0000\u0001\u0000"),
};

export function photoForm(files: Array<{ name: string; bytes: Buffer; type?: string }>, fields: Record<string, string>, field = "files"): FormData {
  const form = new FormData();
  for (const f of files) form.append(field, new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "image/jpeg" }), f.name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return form;
}
