import { fail } from "@sveltejs/kit";
import { ALL_STAFF, formatPhoneForDisplay } from "@voltura/domain";
import { type Inbox } from "@voltura/contracts";
import { ConciergeApi } from "@voltura/medusa-client";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { m } from "$lib/paraglide/messages.js";
import type { Actions, PageServerLoad } from "./$types";

export const load: PageServerLoad = async ({ locals, url, depends }) => {
  depends("live:conversation", "live:message", "live:handoff");
  const { commerce } = requireRole(locals, ALL_STAFF);
  const before = url.searchParams.get("before") || undefined;
  let inbox: Inbox = { handoffs: [], conversations: [], next_cursor: null };
  let problem: string | null = null;
  try {
    inbox = await new ConciergeApi(commerce).inbox({ before });
  } catch (err) {
    problem = commerceProblem(err).message;
  }
  const handoffPhones = new Set(inbox.handoffs.map((h) => h.phone));
  return {
    problem,
    older: inbox.next_cursor,
    viewingOlder: Boolean(before),
    handoffs: inbox.handoffs.map((h) => ({ ...h, name: h.customer_name ?? null, phoneText: formatPhoneForDisplay(h.phone) })),
    // Live chats the bot is answering (chats with an open handoff are listed above).
    chats: inbox.conversations
      .filter((c) => !handoffPhones.has(c.phone))
      .map((c) => ({ phone: c.phone, name: c.customer_name ?? null, phoneText: formatPhoneForDisplay(c.phone), mode: c.mode, last: c.recent_turns.at(-1) ?? null, last_message_at: c.last_message_at })),
  };
};

export const actions: Actions = {
  claim: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, ALL_STAFF);
    const id = String((await request.formData()).get("handoff_id") ?? "");
    if (!id) return fail(400, { claim: { message: m.inbox_which_handoff() } });
    try {
      await new ConciergeApi(commerce).claimHandoff(id);
      return { claim: { done: true } };
    } catch (err) {
      return fail(commerceProblem(err).status, { claim: { message: commerceProblem(err).message } });
    }
  },
};
