import { model } from "@medusajs/framework/utils";

/** One row per client IP (id = the address): failed password checks in the current window. */
export const StaffSigninIpGuard = model.define("staff_signin_ip_guard", {
  id: model.text().primaryKey(),
  failures: model.number().default(0),
  window_started_at: model.dateTime(),
});
