import { z } from "zod";
import { staffRoleSchema, type StaffRole } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";

/** A staff record as the commerce core returns it (role may be a service role such as "system"). */
export const staffMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable().transform((v) => v ?? ""),
  role: z.string(),
  active: z.boolean(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const staffListSchema = z.object({ staff: z.array(staffMemberSchema), count: z.number() });
const staffOneSchema = z.object({ staff: staffMemberSchema });

export async function listStaff(
  client: CommerceClient,
  query: { email?: string; limit?: number; offset?: number } = {},
): Promise<{ staff: StaffMember[]; count: number }> {
  const params = new URLSearchParams();
  if (query.email) params.set("email", query.email);
  params.set("limit", String(query.limit ?? 100));
  params.set("offset", String(query.offset ?? 0));
  return client.request("GET", `/admin/staff?${params}`, staffListSchema);
}

/** Exact (case-insensitive) email match, or null. */
export async function findStaffByEmail(client: CommerceClient, email: string): Promise<StaffMember | null> {
  const wanted = email.trim().toLowerCase();
  const { staff } = await listStaff(client, { email: wanted, limit: 10 });
  return staff.find((s) => s.email.trim().toLowerCase() === wanted) ?? null;
}

export async function createStaff(
  client: CommerceClient,
  body: { email: string; name: string; role: StaffRole; password: string },
): Promise<StaffMember> {
  return (await client.request("POST", "/admin/staff", staffOneSchema, body)).staff;
}

export async function updateStaff(
  client: CommerceClient,
  id: string,
  patch: { name?: string; role?: StaffRole; active?: boolean },
): Promise<StaffMember> {
  return (await client.request("POST", `/admin/staff/${encodeURIComponent(id)}`, staffOneSchema, patch)).staff;
}

/** The staff role of an active record, or null when it may not use the console. */
export function consoleRoleOf(member: StaffMember | null): StaffRole | null {
  if (!member || !member.active) return null;
  const role = staffRoleSchema.safeParse(member.role);
  return role.success ? role.data : null;
}
