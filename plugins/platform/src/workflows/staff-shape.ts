import type { UserDTO } from "@medusajs/framework/types";
import type { StaffRole } from "@voltura/domain";

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

export function toStaffMember(user: UserDTO): StaffMember {
  const meta = (user.metadata ?? {}) as { role?: StaffRole; active?: boolean; locale?: unknown };
  return {
    id: user.id,
    email: user.email,
    name: [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email,
    role: meta.role ?? null,
    active: meta.active !== false,
    locale: meta.locale === "en" || meta.locale === "ms" ? meta.locale : null,
  };
}
