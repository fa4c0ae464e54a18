import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import type { ConversationTurn } from "../../modules/concierge/models/conversation";
import type { ConversationRecord } from "../../modules/concierge/records";
import { conciergeOf } from "./service";

/** Turns kept verbatim as the AI context; older ones are folded into the summary. */
export const MAX_RECENT_TURNS = 12;
const MAX_SUMMARY = 1500;

/** Appends a turn; turns that fall out of the window are folded into the running summary (newest kept). */
export function appendTurn(turns: ConversationTurn[], summary: string, turn: ConversationTurn): { turns: ConversationTurn[]; summary: string } {
  const all = [...turns.filter((t) => t.message_id !== turn.message_id), turn];
  const dropped = all.slice(0, Math.max(0, all.length - MAX_RECENT_TURNS));
  const folded = dropped.map((t) => `Customer: ${t.customer.slice(0, 120)} / ${t.handoff ? "handed to staff" : `Bot: ${t.reply.slice(0, 120)}`}`);
  const next = [summary, ...folded].filter(Boolean).join("\n");
  return { turns: all.slice(-MAX_RECENT_TURNS), summary: next.length > MAX_SUMMARY ? next.slice(next.length - MAX_SUMMARY) : next };
}

type Snapshot = { created: string | null; previous: ConversationRecord | null };

async function findConversation(container: Parameters<typeof conciergeOf>[0], phone: string) {
  const [row] = await conciergeOf(container).listConversations({ phone });
  return row ?? null;
}

/** Compensation shared by the conversation steps: delete what was created, or put the old row back. */
function restoreConversation() {
  return async (snap: Snapshot | undefined, { container }: { container: Parameters<typeof conciergeOf>[0] }) => {
    if (!snap) return;
    const service = conciergeOf(container);
    if (snap.created) await service.deleteConversations(snap.created);
    else if (snap.previous) {
      const p = snap.previous;
      await service.updateConversations({ id: p.id, mode: p.mode, summary: p.summary, recent_turns: p.recent_turns ?? [], language: p.language, last_message_at: p.last_message_at ? new Date(p.last_message_at) : null, customer_id: p.customer_id });
    }
  };
}

/** Records one answered customer message in the chat's AI context (creates the conversation on first contact). */
export const recordTurnStep = createStep(
  "record-conversation-turn",
  async (input: { phone: string; customer_id: string | null; turn: ConversationTurn }, { container }) => {
    const service = conciergeOf(container);
    const previous = await findConversation(container, input.phone);
    const { turns, summary } = appendTurn(previous?.recent_turns ?? [], previous?.summary ?? "", input.turn);
    const fields = {
      recent_turns: turns,
      summary,
      language: input.turn.language,
      last_message_at: new Date(input.turn.at),
      customer_id: input.customer_id ?? previous?.customer_id ?? null,
      ...(input.turn.handoff ? { mode: "handoff" as const } : {}),
    };
    if (!previous) {
      const created = await service.createConversations({ phone: input.phone, ...fields });
      return new StepResponse(created, { created: created.id, previous: null } as Snapshot);
    }
    const updated = await service.updateConversations({ id: previous.id, ...fields });
    return new StepResponse(updated, { created: null, previous } as Snapshot);
  },
  restoreConversation(),
);

/** Bot or person: sets the chat's mode (creating the conversation if a handoff comes first). */
export const setConversationModeStep = createStep(
  "set-conversation-mode",
  async (input: { phone: string; mode: "bot" | "handoff"; customer_id?: string | null }, { container }) => {
    const service = conciergeOf(container);
    const previous = await findConversation(container, input.phone);
    if (!previous) {
      const created = (await service.createConversations({
        phone: input.phone, mode: input.mode, recent_turns: [], customer_id: input.customer_id ?? null,
      }));
      return new StepResponse(created, { created: created.id, previous: null } as Snapshot);
    }
    if (previous.mode === input.mode) return new StepResponse(previous, { created: null, previous: null } as Snapshot);
    const updated = await service.updateConversations({ id: previous.id, mode: input.mode });
    return new StepResponse(updated, { created: null, previous } as Snapshot);
  },
  restoreConversation(),
);
