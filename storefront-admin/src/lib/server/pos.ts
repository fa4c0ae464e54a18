import { json } from "@sveltejs/kit";
import type { StaffRole } from "@voltura/domain";
import { CommerceError, posApi, type PosApi } from "@voltura/medusa-client";
import { commerceProblem } from "./commerce";
import { requireRole } from "./guard";

/** Who works the counter: cashiers, managers and owners. */
export const COUNTER_STAFF: readonly StaffRole[] = ["owner", "manager", "cashier"];

export function counterApi(locals: App.Locals): PosApi {
  const { commerce } = requireRole(locals, COUNTER_STAFF);
  return posApi(commerce);
}

/**
 * A commerce failure as the counter's JSON answer: the status, the message, and the details the
 * till acts on (code "out_of_stock" with items, "approval_required", the field at fault).
 */
export function counterError(err: unknown): Response {
  if (err instanceof CommerceError && err.status < 500) {
    const body = (err.body && typeof err.body === "object" ? err.body : {}) as Record<string, unknown>;
    return json({ ...body, message: err.message }, { status: err.status });
  }
  const problem = commerceProblem(err);
  return json({ message: problem.message }, { status: problem.status >= 500 ? 502 : problem.status });
}
