import { MedusaError } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { handoffTransition, type HandoffAction } from "./handoff-rules";
import { conciergeOf } from "./service";

export interface OpenHandoffInput {
  phone: string;
  reason: string;
  summary?: string | null;
  job_number?: string | null;
  customer_id?: string | null;
}

/**
 * Opens a handoff for the phone, or returns the one already open or claimed (idempotent per
 * phone). Compensation deletes only a handoff this step created.
 */
export const openHandoffRecordStep = createStep(
  "open-handoff-record",
  async (input: OpenHandoffInput, { container }) => {
    const service = conciergeOf(container);
    const existing = await service.activeHandoff(input.phone);
    if (existing) return new StepResponse({ handoff: existing, created: false }, null);
    const handoff = (await service.createHandoffs({
      phone: input.phone,
      reason: input.reason,
      summary: input.summary ?? null,
      job_number: input.job_number ?? null,
      customer_id: input.customer_id ?? null,
      status: "open",
      opened_at: new Date(),
    }));
    return new StepResponse({ handoff, created: true }, handoff.id);
  },
  async (createdId, { container }) => {
    if (createdId) await conciergeOf(container).deleteHandoffs(createdId);
  },
);

/** Applies claim / close / escalate / staff reply; compensation restores the fields it changed. */
export const changeHandoffStep = createStep(
  "change-handoff",
  async (input: { id: string; action: HandoffAction; actor: { id: string; name: string } }, { container }) => {
    const service = conciergeOf(container);
    const [before] = await service.listHandoffs({ id: input.id });
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Handoff ${input.id} was not found`);
    const change = handoffTransition(before, input.action, new Date(), input.actor);
    if (!change.changed) return new StepResponse({ handoff: before, changed: false }, null);
    const after = await service.updateHandoffs({ id: input.id, ...change.patch });
    return new StepResponse({ handoff: after, changed: true }, before);
  },
  async (before, { container }) => {
    if (!before) return;
    const date = (d: Date | string | null | undefined) => (d ? new Date(d) : null);
    await conciergeOf(container).updateHandoffs({
      id: before.id,
      status: before.status,
      assigned_to: before.assigned_to,
      assigned_name: before.assigned_name,
      closed_by: before.closed_by,
      last_staff_reply_at: date(before.last_staff_reply_at),
      escalated_at: date(before.escalated_at),
      closed_at: date(before.closed_at),
    });
  },
);
