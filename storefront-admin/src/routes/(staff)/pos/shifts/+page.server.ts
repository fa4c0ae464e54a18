import { fail } from "@sveltejs/kit";
import { type PosShift } from "@voltura/contracts";
import { posApi } from "@voltura/medusa-client";
import { parseMoneyInput } from "$lib/repair/money";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

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
    if (float === null) return fail(400, { error: m.pos_shift_float_required(), field: "opening_float" });
    try {
      await posApi(commerce).openShift({ register_id: REGISTER, opening_float_sen: float });
      return { success: m.pos_shift_opened() };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { error: problem.message, field: null });
    }
  },
  close: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, COUNTER_STAFF);
    const form = await request.formData();
    const counted = parseMoneyInput(String(form.get("counted_cash") ?? ""));
    if (counted === null) return fail(400, { error: m.pos_shift_counted_required(), field: "counted_cash" });
    try {
      const shift = await posApi(commerce).closeShift(String(form.get("shift_id") ?? ""), {
        counted_cash_sen: counted, ...(String(form.get("note") ?? "").trim() ? { note: String(form.get("note")).trim() } : {}),
      });
      const v = shift.variance_sen ?? 0;
      return { success: v === 0 ? m.pos_shift_closed_match() : v < 0 ? m.pos_shift_closed_short({ amount: (v / 100).toFixed(2) }) : m.pos_shift_closed_over({ amount: (v / 100).toFixed(2) }) };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { error: problem.message, field: null });
    }
  },
};
