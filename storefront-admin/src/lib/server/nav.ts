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
  { href: "/settings/staff", label: "Staff", icon: "staff", routeId: "/(staff)/settings/staff" },
  { href: "/settings/shop", label: "Shop settings", icon: "shop-settings", routeId: "/(staff)/settings/shop" },
];

/** The sidebar for a role: only what the route map lets that role open. */
export function navFor(role: StaffRole): NavItem[] {
  return NAV.filter((item) => canOpen(item.routeId, role)).map(({ href, label, icon }) => ({ href, label, icon }));
}
