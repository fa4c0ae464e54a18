import { model } from "@medusajs/framework/utils";

/**
 * One row per account (id = the normalised email) counting consecutive failed password checks.
 * Updated only under a row lock (see StaffGuardService.claimAttempt); a success resets it.
 */
export const StaffSigninGuard = model.define("staff_signin_guard", {
  id: model.text().primaryKey(),
  failures: model.number().default(0),
  last_failed_at: model.dateTime().nullable(),
  last_ip: model.text().nullable(),
  /** When the current streak first locked the account (null while it is not locked). */
  locked_at: model.dateTime().nullable(),
});
