import { fail } from "@sveltejs/kit";
import { z } from "zod";
import { formatPhoneForDisplay, MANAGERS, tryNormalisePhone } from "@voltura/domain";
import { getWhatsAppHealth, listWhatsAppMessages, simulateWhatsAppInbound, simulateWhatsAppReceipt } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { m } from "$lib/paraglide/messages.js";
import type { Actions, PageServerLoad } from "./$types";

const sendSchema = () =>
  z.object({
    phone: z.string().trim().min(1, m.whatsapp_sim_enter_phone()),
    body: z.string().trim().min(1, m.whatsapp_sim_type_message()).max(4096, m.inbox_too_long()),
    name: z.string().trim().max(120).optional(),
    session_id: z.string().trim().min(1).optional(),
  });

/** Demos and training: owners and managers write as a customer. */
export const load: PageServerLoad = async ({ locals, url }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const typed = url.searchParams.get("phone")?.trim() ?? "";
  const phone = typed ? tryNormalisePhone(typed) : null;
  try {
    const [health, recent, chat] = await Promise.all([
      getWhatsAppHealth(commerce),
      listWhatsAppMessages(commerce, { limit: 200 }),
      phone ? listWhatsAppMessages(commerce, { phone, limit: 200 }) : Promise.resolve(null),
    ]);
    const sessions = health.sessions;
    const simulators = health.simulator_enabled ? sessions.filter((s) => s.kind === "simulator") : [];
    const recentPhones = [...new Map(recent.messages.map((msg) => [msg.phone, msg.customer_name ?? null])).entries()]
      .slice(0, 12)
      .map(([value, name]) => ({ value, label: `${formatPhoneForDisplay(value)}${name ? ` · ${name}` : ""}` }));
    return {
      typed,
      phone,
      phoneText: phone ? formatPhoneForDisplay(phone) : null,
      phoneError: typed && !phone ? m.whatsapp_not_a_phone({ typed }) : null,
      simulators: simulators.map((s) => ({ id: s.id, name: s.name, state: s.state, is_default: s.is_default })),
      simulatorEnabled: health.simulator_enabled,
      // While the shop has a real number, simulated messages are logged only: they decide nothing.
      realNumber: sessions.some((s) => s.kind !== "simulator"),
      recentPhones,
      messages: chat ? [...chat.messages].reverse() : [],
      problem: null,
    };
  } catch (err) {
    return {
      typed, phone, phoneText: null, phoneError: null, simulators: [], simulatorEnabled: true, realNumber: false, recentPhones: [], messages: [],
      problem: commerceProblem(err).message,
    };
  }
};

export const actions: Actions = {
  send: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const form = await request.formData();
    const raw = Object.fromEntries(["phone", "body", "name", "session_id"].map((k) => [k, String(form.get(k) ?? "") || undefined]));
    const parsed = sendSchema().safeParse(raw);
    if (!parsed.success) {
      return fail(400, { send: { body: raw.body ?? "", message: parsed.error.issues.map((i) => i.message).join("; ") } });
    }
    try {
      await simulateWhatsAppInbound(commerce, { from: parsed.data.phone, body: parsed.data.body, name: parsed.data.name, session_id: parsed.data.session_id });
      return { send: { done: true } };
    } catch (err) {
      return fail(commerceProblem(err).status, { send: { body: parsed.data.body, message: commerceProblem(err).message } });
    }
  },
  read: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const id = String((await request.formData()).get("message_id") ?? "");
    if (!id) return fail(400, { read: { message: m.whatsapp_sim_which_message() } });
    try {
      await simulateWhatsAppReceipt(commerce, id, { status: "read" });
      return { read: { done: true } };
    } catch (err) {
      return fail(commerceProblem(err).status, { read: { message: commerceProblem(err).message } });
    }
  },
};
