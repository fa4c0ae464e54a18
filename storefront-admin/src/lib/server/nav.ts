import type { StaffRole } from "@voltura/domain";
import type { NavItem } from "$lib/nav";
import { canOpen, type KnownRouteId } from "./route-access";

const NAV: readonly (NavItem & { routeId: KnownRouteId })[] = [
  { href: "/", label: "Dashboard", icon: "dashboard", routeId: "/(staff)" },
  { href: "/jobs", label: "Repair jobs", icon: "jobs", routeId: "/(staff)/jobs" },
  { href: "/jobs/new", label: "New job", icon: "new-job", routeId: "/(staff)/jobs/new" },
  { href: "/jobs/board", label: "Job board", icon: "board", routeId: "/(staff)/jobs/board" },
  { href: "/jobs/mine", label: "My jobs", icon: "my-jobs", routeId: "/(staff)/jobs/mine" },
  { href: "/customers", label: "Customers", icon: "customers", routeId: "/(staff)/customers" },
  { href: "/pos", label: "Counter", icon: "pos", routeId: "/(staff)/pos" },
  { href: "/pos/sales", label: "Counter sales", icon: "pos-sales", routeId: "/(staff)/pos/sales" },
  { href: "/inventory", label: "Inventory", icon: "inventory", routeId: "/(staff)/inventory" },
  { href: "/sales/quotations", label: "Quotations", icon: "quotations", routeId: "/(staff)/sales/quotations" },
  { href: "/sales/invoices", label: "Invoices", icon: "invoices", routeId: "/(staff)/sales/invoices" },
  { href: "/reports", label: "Reports", icon: "reports", routeId: "/(staff)/reports" },
  { href: "/inbox", label: "Inbox", icon: "inbox", routeId: "/(staff)/inbox" },
  { href: "/knowledge", label: "Knowledge base", icon: "knowledge", routeId: "/(staff)/knowledge" },
  { href: "/campaigns", label: "Campaigns", icon: "campaigns", routeId: "/(staff)/campaigns" },
  { href: "/whatsapp/simulator", label: "WhatsApp simulator", icon: "whatsapp-simulator", routeId: "/(staff)/whatsapp/simulator" },
  { href: "/whatsapp/messages", label: "WhatsApp messages", icon: "whatsapp-messages", routeId: "/(staff)/whatsapp/messages" },
  { href: "/whatsapp/sessions", label: "WhatsApp sessions", icon: "whatsapp-sessions", routeId: "/(staff)/whatsapp/sessions" },
  { href: "/settings/staff", label: "Staff", icon: "staff", routeId: "/(staff)/settings/staff" },
  { href: "/settings/shop", label: "Shop settings", icon: "shop-settings", routeId: "/(staff)/settings/shop" },
  { href: "/settings/documents", label: "Documents & e-invoice", icon: "document-settings", routeId: "/(staff)/settings/documents" },
  { href: "/audit", label: "Audit trail", icon: "audit", routeId: "/(staff)/audit" },
  { href: "/archive", label: "Archive", icon: "archive", routeId: "/(staff)/archive" },
  { href: "/settings/integrity", label: "Integrity", icon: "integrity", routeId: "/(staff)/settings/integrity" },
  { href: "/settings/maintenance", label: "Maintenance", icon: "maintenance", routeId: "/(staff)/settings/maintenance" },
];

/** The sidebar for a role: only what the route map lets that role open. */
export function navFor(role: StaffRole): NavItem[] {
  return NAV.filter((item) => canOpen(item.routeId, role)).map(({ href, label, icon }) => ({ href, label, icon }));
}
