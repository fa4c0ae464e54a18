import { staffRoleSchema, type StaffRole } from "@voltura/domain";

/** The fields of a Medusa user (UserDTO) a staff member is read from. */
export interface StaffUser {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  metadata?: Record<string, unknown> | null;
}

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole | null;
  active: boolean;
  /** The console language they chose ("en" | "ms"), or null. */
  locale: "en" | "ms" | null;
}

export function splitName(name: string): { first_name: string; last_name: string | null } {
  const parts = name.trim().split(/\s+/);
  return { first_name: parts[0] ?? name, last_name: parts.length > 1 ? parts.slice(1).join(" ") : null };
}

export function toStaffMember(user: StaffUser): StaffMember {
  const meta = user.metadata ?? {};
  const role = staffRoleSchema.safeParse(meta.role);
  return {
    id: user.id,
    email: user.email,
    name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email,
    role: role.success ? role.data : null,
    active: meta.active !== false,
    locale: meta.locale === "en" || meta.locale === "ms" ? meta.locale : null,
  };
}
