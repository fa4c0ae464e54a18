import { MedusaError } from "@medusajs/framework/utils";
import type { HandoffRecord } from "../../modules/concierge/records";

export type HandoffAction = "claim" | "close" | "escalate" | "staff_reply";

export interface HandoffChange {
  patch: {
    status?: HandoffRecord["status"];
    assigned_to?: string;
    assigned_name?: string;
    last_staff_reply_at?: Date;
    escalated_at?: Date;
    closed_at?: Date;
    closed_by?: string;
  };
  /** False when the action changes nothing (closing a closed handoff, escalating twice). */
  changed: boolean;
}

/**
 * What an action does to a handoff. Closed handoffs stay closed (claiming one is a 409); a
 * staff reply claims an open handoff for whoever answered; escalation happens once and never
 * after the chat was closed.
 */
export function handoffTransition(h: Pick<HandoffRecord, "status" | "assigned_to" | "escalated_at">, action: HandoffAction, now: Date, actor: { id: string; name: string }): HandoffChange {
  const none: HandoffChange = { patch: {}, changed: false };
  switch (action) {
    case "claim":
      if (h.status === "closed") throw new MedusaError(MedusaError.Types.CONFLICT, "This handoff is closed: the bot answers this chat again");
      if (h.status === "claimed" && h.assigned_to === actor.id) return none;
      return { patch: { status: "claimed", assigned_to: actor.id, assigned_name: actor.name }, changed: true };
    case "close":
      if (h.status === "closed") return none;
      return { patch: { status: "closed", closed_at: now, closed_by: actor.name }, changed: true };
    case "escalate":
      if (h.status === "closed" || h.escalated_at) return none;
      return { patch: { escalated_at: now }, changed: true };
    case "staff_reply":
      if (h.status === "closed") return none;
      return {
        patch: { last_staff_reply_at: now, ...(h.status === "open" ? { status: "claimed" as const, assigned_to: actor.id, assigned_name: actor.name } : {}) },
        changed: true,
      };
  }
}
