import { fail } from "@sveltejs/kit";
import { posApi, type PosShift } from "@voltura/medusa-client";
import { parseMoneyInput } from "$lib/repair/money";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import type { Actions, PageServerLoad } from "./$types";

const REGISTER = "main";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, COUNTER_STAFF);
  try {
    const { shifts, current } = await posApi(commerce).listShifts(REGISTER);
    return { shifts, current, problem: null };
  } catch (err) {
    return { shifts: [] as PosShift[], current: null, problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  open: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, COUNTER_STAFF);
    const form = await request.formData();
    const float = parseMoneyInput(String(form.get("opening_float") ?? ""));
    if (float === null) return fail(400, { error: "Enter the opening float, e.g. 200.00.", field: "opening_float" });
    try {
      await posApi(commerce).openShift({ register_id: REGISTER, opening_float_sen: float });
      return { success: "Shift opened." };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { error: problem.message, field: null });
    }
  },
  close: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, COUNTER_STAFF);
    const form = await request.formData();
    const counted = parseMoneyInput(String(form.get("counted_cash") ?? ""));
    if (counted === null) return fail(400, { error: "Enter the cash counted in the drawer, e.g. 354.50.", field: "counted_cash" });
    try {
      const shift = await posApi(commerce).closeShift(String(form.get("shift_id") ?? ""), {
        counted_cash_sen: counted, ...(String(form.get("note") ?? "").trim() ? { note: String(form.get("note")).trim() } : {}),
      });
      const v = shift.variance_sen ?? 0;
      return { success: v === 0 ? "Shift closed: the drawer matches." : `Shift closed with a variance of ${(v / 100).toFixed(2)} (${v < 0 ? "short" : "over"}).` };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { error: problem.message, field: null });
    }
  },
};
