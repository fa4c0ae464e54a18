import type { Context } from "@medusajs/framework/types";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import {
  accountVerdict,
  currentFailures,
  ipVerdict,
  SIGNIN_THROTTLE,
  type AccountGuardState,
  type IpGuardState,
  type ThrottleVerdict,
} from "@voltura/domain";
import { StaffSetupClaim } from "./models/staff-setup-claim";
import { StaffSigninGuard } from "./models/staff-signin-guard";
import { StaffSigninIpGuard } from "./models/staff-signin-ip-guard";

/** The key an account is counted under: the email as typed, trimmed and in lower case. */
export function normaliseSigninEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type AttemptClaim = { allowed: true; failures: number } | Extract<ThrottleVerdict, { allowed: false }>;

export interface Lockout {
  email: string;
  failures: number;
  locked_at: Date;
  last_failed_at: Date;
  /** When the account may be tried again (in the past when the lock has run out). */
  locked_until: Date;
  last_ip: string | null;
}

type Row = Record<string, unknown>;
const SETUP_CLAIM_ID = "first-owner";
const asDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

export default class StaffGuardService extends MedusaService({ StaffSigninGuard, StaffSigninIpGuard, StaffSetupClaim }) {
  /**
   * Takes one password attempt for `email` from `ip`, or refuses it (delay, lock or IP limit).
   * The attempt is counted as a failure before the password is even checked, under row locks on
   * both counters, so concurrent attempts cannot slip past the limit; a success undoes it with
   * recordSuccess().
   */
  @InjectTransactionManager()
  async claimAttempt(
    input: { email: string; ip: string; now?: Date },
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<AttemptClaim> {
    const db = sharedContext.transactionManager!;
    const email = normaliseSigninEmail(input.email);
    const now = input.now ?? new Date();
    await db.execute(`INSERT INTO staff_signin_guard (id, failures) VALUES (?, 0) ON CONFLICT (id) DO NOTHING`, [email]);
    await db.execute(`INSERT INTO staff_signin_ip_guard (id, failures, window_started_at) VALUES (?, 0, ?) ON CONFLICT (id) DO NOTHING`, [input.ip, now]);
    const [account] = (await db.execute(`SELECT failures, last_failed_at, locked_at FROM staff_signin_guard WHERE id = ? FOR UPDATE`, [email])) as Row[];
    const [ipRow] = (await db.execute(`SELECT failures, window_started_at FROM staff_signin_ip_guard WHERE id = ? FOR UPDATE`, [input.ip])) as Row[];

    const accountState: AccountGuardState = { failures: Number(account?.failures ?? 0), last_failed_at: asDate(account?.last_failed_at) };
    const ipState: IpGuardState = { failures: Number(ipRow?.failures ?? 0), window_started_at: asDate(ipRow?.window_started_at) ?? now };
    const ipCheck = ipVerdict(ipState, now);
    if (!ipCheck.allowed) return ipCheck;
    const accountCheck = accountVerdict(accountState, now);
    if (!accountCheck.allowed) return accountCheck;

    const failures = currentFailures(accountState, now) + 1;
    const lockedAt = failures >= SIGNIN_THROTTLE.LOCK_AFTER ? (failures === SIGNIN_THROTTLE.LOCK_AFTER ? now : asDate(account?.locked_at) ?? now) : null;
    await db.execute(
      `UPDATE staff_signin_guard SET failures = ?, last_failed_at = ?, last_ip = ?, locked_at = ?, updated_at = now() WHERE id = ?`,
      [failures, now, input.ip, lockedAt, email],
    );
    const windowOver = ipState.window_started_at.getTime() + SIGNIN_THROTTLE.IP_WINDOW_MINUTES * 60_000 <= now.getTime();
    await db.execute(
      `UPDATE staff_signin_ip_guard SET failures = ?, window_started_at = ?, updated_at = now() WHERE id = ?`,
      [windowOver ? 1 : ipState.failures + 1, windowOver ? now : ipState.window_started_at, input.ip],
    );
    // Addresses not seen for a day are of no more use; trim them now and then.
    if (Math.random() < 0.02) {
      await db.execute(`DELETE FROM staff_signin_ip_guard WHERE window_started_at < ?`, [new Date(now.getTime() - 86_400_000)]);
    }
    return { allowed: true, failures };
  }

  /** The password was right: the account starts again from zero and the IP gets its attempt back. */
  @InjectTransactionManager()
  async recordSuccess(input: { email: string; ip: string }, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    const db = sharedContext.transactionManager!;
    await db.execute(
      `UPDATE staff_signin_guard SET failures = 0, last_failed_at = NULL, locked_at = NULL, updated_at = now() WHERE id = ?`,
      [normaliseSigninEmail(input.email)],
    );
    await db.execute(`UPDATE staff_signin_ip_guard SET failures = GREATEST(failures - 1, 0), updated_at = now() WHERE id = ?`, [input.ip]);
  }

  /** An owner lifts a lock (and the backoff) of one account. True when there was something to lift. */
  @InjectTransactionManager()
  async unlockAccount(email: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = (await sharedContext.transactionManager!.execute(
      `UPDATE staff_signin_guard SET failures = 0, last_failed_at = NULL, locked_at = NULL, updated_at = now() WHERE id = ? AND failures > 0 RETURNING id`,
      [normaliseSigninEmail(email)],
    )) as Row[];
    return rows.length > 0;
  }

  /** Accounts locked in the last `withinHours` (still locked or not yet cleared by a success), newest first. */
  @InjectManager()
  async listLockouts(
    input: { now?: Date; withinHours?: number } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<Lockout[]> {
    const now = input.now ?? new Date();
    const since = new Date(now.getTime() - (input.withinHours ?? SIGNIN_THROTTLE.FORGET_AFTER_HOURS) * 3_600_000);
    const rows = (await sharedContext.manager!.execute(
      `SELECT id, failures, locked_at, last_failed_at, last_ip FROM staff_signin_guard
       WHERE locked_at IS NOT NULL AND last_failed_at > ? ORDER BY locked_at DESC LIMIT 100`,
      [since],
    )) as Row[];
    return rows.map((r) => {
      const lastFailedAt = asDate(r.last_failed_at)!;
      return {
        email: String(r.id),
        failures: Number(r.failures),
        locked_at: asDate(r.locked_at)!,
        last_failed_at: lastFailedAt,
        locked_until: new Date(lastFailedAt.getTime() + SIGNIN_THROTTLE.LOCK_MINUTES * 60_000),
        last_ip: r.last_ip == null ? null : String(r.last_ip),
      };
    });
  }

  // ---- first-run setup ----

  /** Claims the first-run setup; false when another setup has it (or had it). One INSERT, race-safe. */
  @InjectTransactionManager()
  async claimSetup(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = (await sharedContext.transactionManager!.execute(
      `INSERT INTO staff_setup_claim (id) VALUES (?) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [SETUP_CLAIM_ID],
    )) as Row[];
    return rows.length > 0;
  }

  /** A setup that failed gives its claim back, so it can be tried again. */
  @InjectTransactionManager()
  async releaseSetup(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.transactionManager!.execute(`DELETE FROM staff_setup_claim WHERE id = ? AND completed_at IS NULL`, [SETUP_CLAIM_ID]);
  }

  @InjectTransactionManager()
  async completeSetup(ownerId: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<void> {
    await sharedContext.transactionManager!.execute(
      `UPDATE staff_setup_claim SET owner_id = ?, completed_at = now(), updated_at = now() WHERE id = ?`,
      [ownerId, SETUP_CLAIM_ID],
    );
  }

  @InjectManager()
  async setupClaimed(@MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows = (await sharedContext.manager!.execute(`SELECT 1 FROM staff_setup_claim WHERE id = ?`, [SETUP_CLAIM_ID])) as Row[];
    return rows.length > 0;
  }
}
