/** Sidebar entries as the browser gets them (already filtered by role on the server). */
export type NavIcon = "dashboard" | "jobs" | "new-job" | "staff" | "board" | "my-jobs" | "customers" | "shop-settings" | "whatsapp-simulator" | "whatsapp-messages" | "whatsapp-sessions" | "inbox" | "knowledge" | "pos" | "pos-sales" | "inventory" | "quotations" | "invoices" | "reports" | "document-settings" | "audit" | "integrity" | "campaigns" | "maintenance" | "archive";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}
