import { randomBytes, scrypt } from "node:crypto";
import type { MedusaRequest } from "@medusajs/framework/http";
import type { UserDTO } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import { lockEvent, SIGNIN_THROTTLE, staffRoleSchema } from "@voltura/domain";
import { recordAudit } from "@voltura/medusa-kit";
import { STAFF_GUARD_MODULE } from "./index";
import type StaffGuardService from "./service";
import { normaliseSigninEmail } from "./service";
import { toStaffMember, type StaffMember } from "../../domain/staff-shape";

/** Why the password is being checked: it names the audit rows. */
export type CredentialsPurpose = "signin" | "approval" | "password_change";

export interface CredentialsCheckInput {
  email: string;
  password: string;
  ip: string;
  purpose: CredentialsPurpose;
  /** Where the check came from, kept in the audit row (console, Medusa's own sign-in route, the POS). */
  channel: "console" | "medusa" | "pos" | "account";
}

export type CredentialsCheckResult =
  | { ok: true; user: UserDTO; staff: StaffMember & { role: NonNullable<StaffMember["role"]> }; must_change_password: boolean }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "limited"; limit: "account_delay" | "account_locked" | "ip_limit"; retry_after_seconds: number };

/** The one answer for a wrong password, an unknown email and a deactivated account alike. */
export const WRONG_CREDENTIALS_MESSAGE = "Email or password is wrong";

/** Emitted when an account locks for the first time in a streak; the subscriber alerts the owners. */
export const STAFF_ACCOUNT_LOCKED_EVENT = "staff.account_locked";
export interface StaffAccountLockedEventData {
  email: string;
  failures: number;
  ip: string;
  purpose: CredentialsPurpose;
  locked_until: string;
}

const FAILED_ACTION: Record<CredentialsPurpose, string> = {
  signin: "auth.signin_failed",
  approval: "pos.approval_failed",
  password_change: "auth.password_change_failed",
};

/** Spends about as long as checking a real password (scrypt, N = 2^15, r = 8), so an unknown email is not faster. */
function spendPasswordCheckTime(password: string): Promise<void> {
  return new Promise((resolve) => {
    scrypt(password, randomBytes(16), 64, { N: 32768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }, () => resolve());
  });
}

async function findUser(req: MedusaRequest, email: string): Promise<UserDTO | null> {
  const [user] = await req.scope.resolve(Modules.USER).listUsers({ email });
  return user ?? null;
}

type FailureReason = "unknown_email" | "wrong_password" | "deactivated" | "no_staff_role";

/**
 * Checks a staff member's email and password for a sign-in, a manager's approval at the POS or a
 * password change, under the per-account and per-IP limits (staffGuard). Answers the same
 * "wrong" for a wrong password, an unknown email, a deactivated account and an account without a
 * staff role; the audit row keeps the real reason. Never audits or stores the password.
 */
export async function checkStaffCredentials(req: MedusaRequest, input: CredentialsCheckInput): Promise<CredentialsCheckResult> {
  const email = normaliseSigninEmail(input.email);
  const guard = req.scope.resolve<StaffGuardService>(STAFF_GUARD_MODULE);
  const claim = await guard.claimAttempt({ email, ip: input.ip });
  if (!claim.allowed) return { ok: false, reason: "limited", limit: claim.reason, retry_after_seconds: claim.retry_after_seconds };

  const user = await findUser(req, email);
  let failure: FailureReason | null = null;
  if (!user) {
    await spendPasswordCheckTime(input.password);
    failure = "unknown_email";
  } else {
    const auth = req.scope.resolve(Modules.AUTH);
    const result = await auth.authenticate("emailpass", { body: { email, password: input.password } });
    const identityUser = result.success ? (result.authIdentity?.app_metadata?.user_id as string | undefined) : undefined;
    const staff = toStaffMember(user);
    if (identityUser !== user.id) failure = "wrong_password";
    else if (!staff.active) failure = "deactivated";
    else if (!staffRoleSchema.safeParse(staff.role).success) failure = "no_staff_role";
  }

  if (failure || !user) {
    await recordFailure(req, input, email, user, failure ?? "unknown_email", claim.failures);
    return { ok: false, reason: "wrong" };
  }
  await guard.recordSuccess({ email, ip: input.ip });
  const staff = toStaffMember(user) as StaffMember & { role: NonNullable<StaffMember["role"]> };
  if (input.purpose === "signin") {
    await recordAudit(req, {
      action: "auth.signin", entity: "staff", entity_id: user.id,
      actor_id: user.id, actor_role: staff.role, actor_name: staff.name,
      metadata: { email, channel: input.channel }, ip: input.ip,
    });
  }
  return { ok: true, user, staff, must_change_password: user.metadata?.must_change_password === true };
}

async function recordFailure(
  req: MedusaRequest,
  input: CredentialsCheckInput,
  email: string,
  user: UserDTO | null,
  reason: FailureReason,
  failures: number,
): Promise<void> {
  const base = { entity: "staff", entity_id: user?.id ?? null, ip: input.ip };
  // The caller of a sign-in is nobody yet; an approval or a password change has a signed-in actor.
  const anonymous = input.purpose === "signin" ? { actor_id: null, actor_role: null, actor_name: null } : {};
  await recordAudit(req, {
    ...base, ...anonymous, action: FAILED_ACTION[input.purpose],
    metadata: { email, reason, failures, channel: input.channel },
  });
  const lock = lockEvent(failures);
  if (!lock.locked) return;
  const lockedUntil = new Date(Date.now() + SIGNIN_THROTTLE.LOCK_MINUTES * 60_000).toISOString();
  await recordAudit(req, {
    ...base, ...anonymous, action: "auth.account_locked",
    metadata: { email, failures, locked_until: lockedUntil, purpose: input.purpose, first_lock: lock.first },
  });
  if (lock.first) {
    const data: StaffAccountLockedEventData = { email, failures, ip: input.ip, purpose: input.purpose, locked_until: lockedUntil };
    await req.scope.resolve(Modules.EVENT_BUS).emit({ name: STAFF_ACCOUNT_LOCKED_EVENT, data });
  }
}

/**
 * A 429 the Medusa error handler passes on with its message (it answers http-errors as they are).
 * For routes that cannot shape their own answer, e.g. the POS checkout.
 */
export function tooManyAttemptsError(retryAfterSeconds: number, prefix = ""): Error {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const error = new Error(`${prefix}Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  return Object.assign(error, { status: 429, statusCode: 429, expose: true, retry_after_seconds: retryAfterSeconds });
}
