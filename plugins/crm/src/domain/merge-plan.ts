import { createHash } from "node:crypto";
import { mergeTags } from "@voltura/domain";
import { deviceWithImei, type DeviceRow, type ProfileRow, type ProfileState } from "./customer-state";

/** What a merge answers, stored with its idempotency record and replayed for the same key. */
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
export function mergedProfile(primary: ProfileState, duplicate: ProfileState | null): ProfileState {
  if (!duplicate) return primary;
  return {
    customer_type: primary.customer_type === "walk_in" ? duplicate.customer_type : primary.customer_type,
    tags: mergeTags(primary.tags, duplicate.tags),
    last_visit_at: later(primary.last_visit_at, duplicate.last_visit_at),
  };
}

export type DeviceMove =
  /** The device changes owner. */
  | { kind: "move"; device_id: string }
  /** The primary has the same device (IMEI / serial): its jobs go to the primary's record, this record goes. */
  | { kind: "fold"; device_id: string; into_id: string };

export function planDeviceMoves(primaryDevices: readonly DeviceRow[], duplicateDevices: readonly DeviceRow[]): DeviceMove[] {
  return duplicateDevices.map((device) => {
    const twin = deviceWithImei(primaryDevices, device.imei_serial);
    return twin ? { kind: "fold", device_id: device.id, into_id: twin.id } : { kind: "move", device_id: device.id };
  });
}

/** A merge request's fingerprint: the same key must name the same pair. */
export function mergeRequestHash(primaryId: string, duplicateId: string): string {
  return createHash("sha256").update(JSON.stringify(["merge", primaryId, duplicateId])).digest("hex");
}

/** The console may retry without a key: the pair itself is the key then (a pair merges once). */
export function mergeKey(primaryId: string, duplicateId: string, given?: string): string {
  return given ?? `merge:${primaryId}:${duplicateId}`;
}

export type MergeReplay = { kind: "none" } | { kind: "replay"; result: MergeCounts } | { kind: "reused" };

/** What a stored merge record means for a request with its key. */
export function mergeReplay(stored: { request_hash: string; result: MergeCounts } | null, requestHash: string): MergeReplay {
  if (!stored) return { kind: "none" };
  return stored.request_hash === requestHash ? { kind: "replay", result: stored.result } : { kind: "reused" };
}

export type { ProfileRow };
