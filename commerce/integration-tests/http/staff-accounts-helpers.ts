import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { createStaffMemberWorkflow } from "@voltura/plugin-platform/workflows";
import type { StaffRole } from "@voltura/domain";
import { authHeaders } from "./helpers";

/** The console's own identity when it checks a password (role system). */
export const asConsole = () => authHeaders("system:console", "system");

export interface AuditRow {
  action: string;
  entity_id: string | null;
  actor_id: string | null;
  ip: string | null;
  metadata: Record<string, unknown> | null;
}

/** Audit rows with this action, newest first. */
export async function auditRows(container: MedusaContainer, action: string): Promise<AuditRow[]> {
  const audit = container.resolve<{ list(f: { action: string }, p: { limit: number }): Promise<{ entries: AuditRow[] }> }>("audit");
  return (await audit.list({ action }, { limit: 500 })).entries;
}

let counter = 0;
/** A staff member with a real email + password identity, as the console creates them. */
export async function createStaffWithPassword(container: MedusaContainer, role: StaffRole, password = "Kedai-Baiki-2026!") {
  const email = `${role}-${Date.now()}-${++counter}@accounts.test`;
  const { result } = await createStaffMemberWorkflow(container).run({ input: { email, name: `Test ${role}`, role, password } });
  return { id: (result as { id: string }).id, email, password, role };
}

export async function deactivate(container: MedusaContainer, userId: string): Promise<void> {
  const users = container.resolve(Modules.USER);
  const user = await users.retrieveUser(userId);
  await users.updateUsers({ id: userId, metadata: { ...(user.metadata ?? {}), active: false } });
}
