import { m } from "$lib/paraglide/messages.js";
import type { SettingsSection } from "$lib/settings/sections";
import { canOpen, type KnownRouteId } from "./route-access";

/** The settings workspace's sections, in the order the shop meets them; labels are read per request. */
const SECTIONS: readonly { key: SettingsSection["key"]; href: string; routeId: KnownRouteId; label: () => string; description: () => string }[] = [
  { key: "shop", href: "/settings/shop", routeId: "/(staff)/settings/shop", label: m.settings_section_shop, description: m.settings_section_shop_description },
  { key: "documents", href: "/settings/documents", routeId: "/(staff)/settings/documents", label: m.settings_section_documents, description: m.settings_section_documents_description },
  { key: "staff", href: "/settings/staff", routeId: "/(staff)/settings/staff", label: m.settings_section_staff, description: m.settings_section_staff_description },
  { key: "whatsapp", href: "/settings/whatsapp", routeId: "/(staff)/settings/whatsapp", label: m.settings_section_whatsapp, description: m.settings_section_whatsapp_description },
  { key: "concierge", href: "/settings/concierge", routeId: "/(staff)/settings/concierge", label: m.settings_section_concierge, description: m.settings_section_concierge_description },
  { key: "messages", href: "/settings/messages", routeId: "/(staff)/settings/messages", label: m.settings_section_messages, description: m.settings_section_messages_description },
  { key: "maintenance", href: "/settings/maintenance", routeId: "/(staff)/settings/maintenance", label: m.settings_section_maintenance, description: m.settings_section_maintenance_description },
  { key: "integrity", href: "/settings/integrity", routeId: "/(staff)/settings/integrity", label: m.settings_section_integrity, description: m.settings_section_integrity_description },
];

/** The sections a role may open (the same route map as the hook), in the staff member's language. */
export function settingsSectionsFor(role: string | null | undefined): SettingsSection[] {
  return SECTIONS.filter((section) => canOpen(section.routeId, role)).map(({ key, href, label, description }) => ({
    key,
    href,
    label: label(),
    description: description(),
  }));
}
