import { CommerceClient, CommerceError, type Actor } from "@voltura/medusa-client";
import { getEnv } from "./env";
import type { SessionStaff } from "./session-store";

/** The console's own identity, for look-ups made before a staff member is known. */
export const SYSTEM_ACTOR: Actor = { id: "system:console", role: "system" };

/** A commerce client that mints short-lived HS256 tokens for `actor` (server side only). */
export function commerceAs(actor: Actor): CommerceClient {
  const env = getEnv();
  return new CommerceClient({ baseUrl: env.MEDUSA_URL, jwtSecret: env.JWT_SECRET, actor });
}

export function commerceForStaff(staff: SessionStaff): CommerceClient {
  return commerceAs({ id: staff.id, role: staff.role, name: staff.name });
}

/**
 * Checks an email + password with Medusa's own emailpass provider. The token it returns is
 * dropped: the console only wants the yes/no. Throws CommerceError(503) when unreachable.
 */
export async function verifyStaffPassword(
  email: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
  baseUrl: string = getEnv().MEDUSA_URL,
): Promise<boolean> {
  let res: Response;
  try {
    res = await fetchImpl(new URL("/auth/user/emailpass", baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ email, password }),
    });
  } catch (cause) {
    throw new CommerceError(503, `The commerce core is not reachable at ${baseUrl}`, "unavailable", cause);
  }
  await res.body?.cancel();
  if (res.ok) return true;
  if (res.status === 400 || res.status === 401) return false;
  throw new CommerceError(res.status, `Sign-in check failed (${res.status})`);
}

/** A friendly sentence for a commerce failure shown to staff. */
export function commerceProblem(err: unknown): { status: number; message: string } {
  if (err instanceof CommerceError) {
    if (err.status === 503 || err.status === 502) {
      return { status: 503, message: "The commerce core is not reachable right now. Try again in a moment." };
    }
    return { status: err.status, message: err.message };
  }
  // A reply we could not read (not JSON, or not the expected shape): log it, tell staff plainly.
  console.error("[console] unexpected commerce reply:", err);
  return { status: 502, message: "The commerce core gave an unexpected answer. Try again, or tell the shop owner." };
}
