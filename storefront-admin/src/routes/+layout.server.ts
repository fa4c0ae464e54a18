import { MANAGERS, roleAllowed } from "@voltura/domain";
import { emergencyStopState } from "$lib/campaigns/emergency.server";
import { demoAccountsStatus } from "$lib/server/demo-status";
import { getEnv } from "$lib/server/env";
import { roleLabel } from "$lib/i18n/roles";
import { navFor } from "$lib/server/nav";
import { CAMPAIGN_HEADER_DEPENDENCY } from "$lib/live/protocol";
import { CONTRAST_COOKIE, parseContrast, parseTheme, THEME_COOKIE } from "$lib/theme";
import type { LayoutServerLoad } from "./$types";

export const load: LayoutServerLoad = async ({ locals, cookies, depends }) => {
  depends(CAMPAIGN_HEADER_DEPENDENCY); // the emergency stop in the header follows live changes
  const env = getEnv();
  const staff = locals.staff;
  const clerkProps =
    env.clerkEnabled && locals.auth ? (await import("svelte-clerk/server")).buildClerkProps(locals.auth() as never) : {};
  // The demo seed's accounts have published passwords: warn every signed-in staff member.
  const [demo, stop] = staff && locals.commerce ? await Promise.all([demoAccountsStatus(locals.commerce), emergencyStopState(locals.commerce)]) : [null, null];
  return {
    demoAccounts: demo?.active ? { emails: demo.accounts.map((a) => a.email), canManage: staff?.role === "owner" } : null,
    staff: staff ? { name: staff.name, email: staff.email, role: staff.role, roleLabel: roleLabel(staff.role) } : null,
    nav: staff ? navFor(staff.role) : [],
    // The campaigns' emergency stop in the header: shown while a campaign runs or the stop is on.
    emergencyStop:
      staff && stop && (stop.stopped || stop.running_campaigns > 0)
        ? { stopped: stop.stopped, running: stop.running_campaigns, stoppedBy: stop.stopped_by_name, canRelease: roleAllowed(staff.role, MANAGERS) }
        : null,
    theme: parseTheme(cookies.get(THEME_COOKIE)),
    contrast: parseContrast(cookies.get(CONTRAST_COOKIE)),
    clerkPublishableKey: env.clerkEnabled ? (env.PUBLIC_CLERK_PUBLISHABLE_KEY ?? null) : null,
    ...clerkProps,
  };
};
