import type { StaffRole } from "@voltura/domain";

/** Where each role starts its day when sign-in has no page to go back to. */
const LANDING: Record<StaffRole, string> = {
  owner: "/",
  manager: "/",
  cashier: "/",
  technician: "/jobs/mine",
};

/** The page after sign-in: the one asked for, else the role's landing page. */
export function landingPage(target: string, role: StaffRole): string {
  return target === "/" ? LANDING[role] : target;
}
