import type { StaffRole } from "@voltura/domain";
import type { NavItem } from "$lib/nav";
import { m } from "$lib/paraglide/messages.js";
import { canOpen, type KnownRouteId } from "./route-access";

/** Labels are message functions: each request reads them in its staff member's language. */
const NAV: readonly (Omit<NavItem, "label"> & { label: () => string; routeId: KnownRouteId })[] = [
  { href: "/", label: m.shell_nav_dashboard, icon: "dashboard", routeId: "/(staff)" },
  { href: "/jobs", label: m.shell_nav_jobs, icon: "jobs", routeId: "/(staff)/jobs" },
  { href: "/jobs/new", label: m.shell_nav_new_job, icon: "new-job", routeId: "/(staff)/jobs/new" },
  { href: "/jobs/board", label: m.shell_nav_board, icon: "board", routeId: "/(staff)/jobs/board" },
  { href: "/jobs/mine", label: m.shell_nav_my_jobs, icon: "my-jobs", routeId: "/(staff)/jobs/mine" },
  { href: "/customers", label: m.shell_nav_customers, icon: "customers", routeId: "/(staff)/customers" },
  { href: "/pos", label: m.shell_nav_pos, icon: "pos", routeId: "/(staff)/pos" },
  { href: "/pos/sales", label: m.shell_nav_pos_sales, icon: "pos-sales", routeId: "/(staff)/pos/sales" },
  { href: "/inventory", label: m.shell_nav_inventory, icon: "inventory", routeId: "/(staff)/inventory" },
  { href: "/invoicing/quotations", label: m.shell_nav_quotations, icon: "quotations", routeId: "/(staff)/invoicing/quotations" },
  { href: "/invoicing/invoices", label: m.shell_nav_invoices, icon: "invoices", routeId: "/(staff)/invoicing/invoices" },
  { href: "/reports", label: m.shell_nav_reports, icon: "reports", routeId: "/(staff)/reports" },
  { href: "/inbox", label: m.shell_nav_inbox, icon: "inbox", routeId: "/(staff)/inbox" },
  { href: "/knowledge", label: m.shell_nav_knowledge, icon: "knowledge", routeId: "/(staff)/knowledge" },
  { href: "/campaigns", label: m.shell_nav_campaigns, icon: "campaigns", routeId: "/(staff)/campaigns" },
  { href: "/whatsapp/simulator", label: m.shell_nav_whatsapp_simulator, icon: "whatsapp-simulator", routeId: "/(staff)/whatsapp/simulator" },
  { href: "/whatsapp/messages", label: m.shell_nav_whatsapp_messages, icon: "whatsapp-messages", routeId: "/(staff)/whatsapp/messages" },
  { href: "/whatsapp/sessions", label: m.shell_nav_whatsapp_sessions, icon: "whatsapp-sessions", routeId: "/(staff)/whatsapp/sessions" },
  { href: "/settings/staff", label: m.shell_nav_staff, icon: "staff", routeId: "/(staff)/settings/staff" },
  { href: "/settings/shop", label: m.shell_nav_shop_settings, icon: "shop-settings", routeId: "/(staff)/settings/shop" },
  { href: "/settings/documents", label: m.shell_nav_document_settings, icon: "document-settings", routeId: "/(staff)/settings/documents" },
  { href: "/audit", label: m.shell_nav_audit, icon: "audit", routeId: "/(staff)/audit" },
  { href: "/archive", label: m.shell_nav_archive, icon: "archive", routeId: "/(staff)/archive" },
  { href: "/settings/integrity", label: m.shell_nav_integrity, icon: "integrity", routeId: "/(staff)/settings/integrity" },
  { href: "/settings/maintenance", label: m.shell_nav_maintenance, icon: "maintenance", routeId: "/(staff)/settings/maintenance" },
];

/** The sidebar for a role: only what the route map lets that role open. */
export function navFor(role: StaffRole): NavItem[] {
  return NAV.filter((item) => canOpen(item.routeId, role)).map(({ href, label, icon }) => ({ href, label: label(), icon }));
}
