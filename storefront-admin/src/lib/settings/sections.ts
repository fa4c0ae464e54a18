/** One section of the settings workspace, as the browser gets it (already filtered by role). */
export interface SettingsSection {
  key: "shop" | "documents" | "staff" | "whatsapp" | "concierge" | "messages" | "maintenance" | "integrity";
  href: string;
  label: string;
  description: string;
}

/** The section a path belongs to (`/settings/maintenance/restores/x` → the maintenance section). */
export function activeSection(sections: readonly SettingsSection[], pathname: string): SettingsSection | null {
  return sections.find((section) => pathname === section.href || pathname.startsWith(`${section.href}/`)) ?? null;
}
