import { ROLE_LABELS } from "@voltura/domain";
import { getEnv } from "$lib/server/env";
import { navFor } from "$lib/server/nav";
import { CONTRAST_COOKIE, parseContrast, parseTheme, THEME_COOKIE } from "$lib/theme";
import type { LayoutServerLoad } from "./$types";

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
  const env = getEnv();
  const staff = locals.staff;
  const clerkProps =
    env.clerkEnabled && locals.auth ? (await import("svelte-clerk/server")).buildClerkProps(locals.auth() as never) : {};
  return {
    staff: staff ? { name: staff.name, email: staff.email, role: staff.role, roleLabel: ROLE_LABELS[staff.role] } : null,
    nav: staff ? navFor(staff.role) : [],
    theme: parseTheme(cookies.get(THEME_COOKIE)),
    contrast: parseContrast(cookies.get(CONTRAST_COOKIE)),
    clerkPublishableKey: env.clerkEnabled ? (env.PUBLIC_CLERK_PUBLISHABLE_KEY ?? null) : null,
    ...clerkProps,
  };
};
