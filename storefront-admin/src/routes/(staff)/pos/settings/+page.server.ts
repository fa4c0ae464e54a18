import { error, fail } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { type PosSettings } from "@voltura/contracts";
import { posApi } from "@voltura/medusa-client";
import { parseMoneyInput, senToInput } from "$lib/repair/money";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

const FIELDS = ["line_percent", "line_amount", "cart_percent", "cart_amount", "refund_limit"] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

const percentInput = (bp: number | null) => (bp === null ? "" : String(bp / 100));
const toValues = (s: PosSettings): Values => ({
  line_percent: percentInput(s.line.max_percent_bp),
  line_amount: senToInput(s.line.max_amount_sen),
  cart_percent: percentInput(s.cart.max_percent_bp),
  cart_amount: senToInput(s.cart.max_amount_sen),
  refund_limit: senToInput(s.refund_approval_limit_sen),
});

/** A percentage typed as "10" or "12.5" → basis points; empty → no limit. */
function percentBp(text: string): number | null | undefined {
  if (!text.trim()) return null;
  const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0") || "0");
  return bp <= 10_000 ? bp : undefined;
}

function money(text: string): number | null | undefined {
  if (!text.trim()) return null;
  return parseMoneyInput(text) ?? undefined;
}

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    return { values: toValues(await posApi(commerce).getSettings()) };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
};

export const actions: Actions = {
  /** Discount limits and the refund limit; an empty field means no limit. */
  save: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const values = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Values;
    const parsed = {
      line_percent: percentBp(values.line_percent), line_amount: money(values.line_amount),
      cart_percent: percentBp(values.cart_percent), cart_amount: money(values.cart_amount), refund_limit: money(values.refund_limit),
    };
    const errors: Partial<Record<Field, string>> = {};
    for (const f of FIELDS) {
      if (parsed[f] === undefined) errors[f] = f.endsWith("percent") ? m.pos_settings_bad_percent() : m.pos_settings_bad_amount();
    }
    if (Object.keys(errors).length) return fail(400, { values, errors, message: m.pos_check_fields(), saved: null });
    try {
      const settings = await posApi(commerce).saveSettings({
        line: { max_percent_bp: parsed.line_percent!, max_amount_sen: parsed.line_amount! },
        cart: { max_percent_bp: parsed.cart_percent!, max_amount_sen: parsed.cart_amount! },
        refund_approval_limit_sen: parsed.refund_limit!,
      });
      return { values: toValues(settings), errors: {}, message: null, saved: m.pos_settings_saved() };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { values, errors: {}, message: problem.message, saved: null });
    }
  },
};
