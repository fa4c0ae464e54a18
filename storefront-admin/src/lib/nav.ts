/** Sidebar entries as the browser gets them (already filtered by role on the server). */
export type NavIcon = "dashboard" | "jobs" | "new-job" | "staff" | "board" | "my-jobs" | "customers" | "shop-settings";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
}
