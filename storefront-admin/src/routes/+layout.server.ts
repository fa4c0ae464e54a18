import { ROLE_LABELS } from "@voltura/domain";
import { demoAccountsStatus } from "$lib/server/demo-status";
import { getEnv } from "$lib/server/env";
import { navFor } from "$lib/server/nav";
import { CONTRAST_COOKIE, parseContrast, parseTheme, THEME_COOKIE } from "$lib/theme";
import type { LayoutServerLoad } from "./$types";

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
  const env = getEnv();
  const staff = locals.staff;
  const clerkProps =
    env.clerkEnabled && locals.auth ? (await import("svelte-clerk/server")).buildClerkProps(locals.auth() as never) : {};
  // The demo seed's accounts have published passwords: warn every signed-in staff member.
  const demo = staff && locals.commerce ? await demoAccountsStatus(locals.commerce) : null;
  return {
    demoAccounts: demo?.active ? { emails: demo.accounts.map((a) => a.email), canManage: staff?.role === "owner" } : null,
    staff: staff ? { name: staff.name, email: staff.email, role: staff.role, roleLabel: ROLE_LABELS[staff.role] } : null,
    nav: staff ? navFor(staff.role) : [],
    theme: parseTheme(cookies.get(THEME_COOKIE)),
    contrast: parseContrast(cookies.get(CONTRAST_COOKIE)),
    clerkPublishableKey: env.clerkEnabled ? (env.PUBLIC_CLERK_PUBLISHABLE_KEY ?? null) : null,
    ...clerkProps,
  };
};
