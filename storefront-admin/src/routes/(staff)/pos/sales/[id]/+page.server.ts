import { randomUUID } from "node:crypto";
import { error, fail } from "@sveltejs/kit";
import { MANAGERS, PAYMENT_METHODS, roleAllowed, type PaymentMethod } from "@voltura/domain";
import { CommerceError, posApi } from "@voltura/medusa-client";
import { parseMoneyInput } from "$lib/repair/money";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce, staff } = requireRole(locals, COUNTER_STAFF);
  try {
    const [sale, settings] = await Promise.all([posApi(commerce).getSale(params.id), posApi(commerce).getSettings()]);
    return { sale, refundLimitSen: settings.refund_approval_limit_sen, isManager: roleAllowed(staff.role, MANAGERS), formKey: randomUUID() };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.message });
  }
};

/** Every card's answer has the same shape, so the page can read either field. */
const ok = (success: string) => ({ error: null as string | null, success: success as string | null, approval: null as string[] | null });
const bad = (error: string, approval: string[] | null = null) => ({ error: error as string | null, success: null as string | null, approval });

/** The rules a refund went past, from commerce's 403 approval_required answer. */
function approvalReasons(err: unknown): string[] | null {
  if (!(err instanceof CommerceError) || err.status !== 403) return null;
  const body = (err.body ?? {}) as { code?: unknown; reasons?: unknown };
  if (body.code !== "approval_required" || !Array.isArray(body.reasons)) return null;
  return body.reasons.map((r) => String((r as { message?: unknown }).message ?? r));
}

const isMethod = (v: unknown): v is PaymentMethod => (PAYMENT_METHODS as readonly unknown[]).includes(v);

export const actions: Actions = {
  /**
   * Returns the quantities typed per line (qty_<line id>), optionally back to stock, refunded by one
   * method (empty: the original tender). A manager's credentials go along when typed in.
   */
  refund: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, COUNTER_STAFF);
    const form = await request.formData();
    const lines = [...form.entries()]
      .filter(([name, value]) => name.startsWith("qty_") && typeof value === "string" && value.trim() !== "" && value.trim() !== "0")
      .map(([name, value]) => ({ line_id: name.slice(4), quantity: Number(value) }));
    const method = form.get("refund_method");
    if (!lines.length) return fail(400, { refund: bad(m.pos_refund_need_qty()) });
    if (lines.some((l) => !Number.isInteger(l.quantity) || l.quantity < 1)) return fail(400, { refund: bad(m.pos_refund_whole()) });
    if (method !== null && method !== "" && !isMethod(method)) return fail(400, { refund: bad(m.pos_refund_choose_method()) });
    const managerEmail = String(form.get("manager_email") ?? "").trim();
    const managerPassword = String(form.get("manager_password") ?? "");
    try {
      await posApi(commerce).returnItems(params.id, {
        idempotency_key: `return-${String(form.get("key") ?? randomUUID())}`, lines, restock: form.get("restock") === "on",
        ...(isMethod(method) ? { refund_method: method } : {}),
        ...(String(form.get("reason") ?? "").trim() ? { reason: String(form.get("reason")).trim() } : {}),
        ...(managerEmail && managerPassword ? { manager_approval: { email: managerEmail, password: managerPassword } } : {}),
      });
      return { refund: ok(m.pos_refund_recorded()) };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { refund: bad(problem.message, approvalReasons(err)) });
    }
  },

  /** A later payment against the balance due. */
  pay: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, COUNTER_STAFF);
    const form = await request.formData();
    const method = form.get("method");
    const amount = parseMoneyInput(String(form.get("amount") ?? ""));
    if (!isMethod(method)) return fail(400, { pay: bad(m.pos_choose_method()) });
    if (!amount) return fail(400, { pay: bad(m.pos_enter_amount()) });
    try {
      await posApi(commerce).payBalance(params.id, { idempotency_key: `pay-${String(form.get("key") ?? randomUUID())}`, payments: [{ method, amount_sen: amount }] });
      return { pay: ok(m.pos_payment_recorded()) };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { pay: bad(problem.message) });
    }
  },

  /** Sends the receipt by WhatsApp (to the number given or the sale's customer) or by email. */
  send: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, COUNTER_STAFF);
    const form = await request.formData();
    const channel = form.get("channel") === "email" ? "email" : "whatsapp";
    const to = String(form.get("to") ?? "").trim();
    if (channel === "email" && !to) return fail(400, { send: bad(m.pos_enter_email()) });
    try {
      await posApi(commerce).sendReceipt(params.id, channel === "email" ? { channel, to } : { channel, ...(to ? { to } : {}) });
      return { send: ok(channel === "email" ? m.pos_receipt_emailed({ to }) : m.pos_receipt_whatsapped()) };
    } catch (err) {
      const problem = commerceProblem(err);
      return fail(problem.status, { send: bad(problem.message) });
    }
  },
};
