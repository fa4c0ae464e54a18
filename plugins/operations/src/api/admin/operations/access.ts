import { MedusaError } from "@medusajs/framework/utils";
import type { AnyRole } from "@voltura/domain";

/** Who may call the operations routes. Restores, backups, downloads and settings are the owners' alone. */
export const OWNERS: readonly AnyRole[] = ["owner"];
/** The Temporal worker reporting what it did. */
export const WORKER: readonly AnyRole[] = ["system"];
export const OWNERS_AND_WORKER: readonly AnyRole[] = ["owner", "system"];
export const ALERT_READERS: readonly AnyRole[] = ["owner", "manager"];
/** The banner: every signed-in staff member, and the worker (its activities wait while it is on). */
export const MAINTENANCE_READERS: readonly AnyRole[] = ["owner", "manager", "cashier", "technician", "system"];

/** The actor as stored in `requested_by`: id and, when known, the name. */
export function requesterOf(actor: { id: string; name?: string | null }): string {
  return actor.name ? `${actor.id} (${actor.name})` : actor.id;
}

const BACKUP_ID = /^bk-\d{8}T\d{6}Z-(daily|weekly|manual|pre_restore)$/;

/** The `:id` of a backup route; anything not shaped like a backup id is not one (404), and never reaches a path. */
export function backupIdParam(params: Record<string, unknown> | undefined): string {
  const id = typeof params?.id === "string" ? params.id : "";
  if (!BACKUP_ID.test(id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Backup ${id.slice(0, 80)} is not in the catalog`);
  return id;
}
