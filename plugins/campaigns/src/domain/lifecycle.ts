import type { CampaignAction, CampaignSchedule, CampaignStatus } from "@voltura/contracts";

/** Everything that moves a campaign: the staff actions plus the dispatcher's end of a run. */
export type LifecycleAction = CampaignAction | "complete";

export interface LifecycleContext {
  schedule: CampaignSchedule;
  needs_confirmation: boolean;
  /** confirm only: fire the missed run now (true) or skip it (false). */
  fire?: boolean;
}

export type LifecycleVerdict =
  | { ok: true; to: CampaignStatus; starts_run: boolean }
  | { ok: false; code: "campaign_transition_refused"; message: string; allowed: CampaignAction[] };

const EDITABLE: readonly CampaignStatus[] = ["draft", "scheduled", "paused"];

/** Whether name, texts, audience, numbers and schedule may still change. */
export function isEditable(status: CampaignStatus): boolean {
  return EDITABLE.includes(status);
}

/**
 * The transition table. draft → scheduled (a time or a recurrence) → running (launch, or the schedule
 * firing) ⇄ paused → completed | cancelled. A recurring campaign goes back to scheduled when a run ends.
 * A scheduled campaign whose firing was missed (needs_confirmation) only moves by confirm or cancel.
 */
export function decideTransition(status: CampaignStatus, action: LifecycleAction, ctx: LifecycleContext): LifecycleVerdict {
  const to = target(status, action, ctx);
  if (to) return { ok: true, ...to };
  const allowed = allowedActions(status, ctx);
  const what = action === "complete" ? "complete" : action;
  const why =
    status === "scheduled" && ctx.needs_confirmation && action !== "confirm"
      ? "its scheduled time was missed; confirm it first (fire now or skip)"
      : `it is ${status}`;
  return {
    ok: false,
    code: "campaign_transition_refused",
    message: `This campaign cannot ${what}: ${why}. Allowed now: ${allowed.length ? allowed.join(", ") : "nothing (final)"}.`,
    allowed,
  };
}

function target(status: CampaignStatus, action: LifecycleAction, ctx: LifecycleContext): { to: CampaignStatus; starts_run: boolean } | null {
  const missed = status === "scheduled" && ctx.needs_confirmation;
  switch (action) {
    case "schedule":
      return status === "draft" && ctx.schedule.kind !== "now" ? { to: "scheduled", starts_run: false } : null;
    case "launch":
      return (status === "draft" || status === "scheduled") && !missed ? { to: "running", starts_run: true } : null;
    case "pause":
      return status === "running" ? { to: "paused", starts_run: false } : null;
    case "resume":
      return status === "paused" ? { to: "running", starts_run: false } : null;
    case "cancel":
      return status === "draft" || status === "scheduled" || status === "running" || status === "paused" ? { to: "cancelled", starts_run: false } : null;
    case "confirm":
      if (!missed || ctx.fire === undefined) return null;
      if (ctx.fire) return { to: "running", starts_run: true };
      return { to: ctx.schedule.kind === "recurring" ? "scheduled" : "draft", starts_run: false };
    case "complete":
      return status === "running" || status === "paused" ? { to: ctx.schedule.kind === "recurring" ? "scheduled" : "completed", starts_run: false } : null;
  }
}

/** The staff actions the table allows now (for the console's buttons). */
export function allowedActions(status: CampaignStatus, ctx: Omit<LifecycleContext, "fire">): CampaignAction[] {
  const actions: CampaignAction[] = ["schedule", "launch", "pause", "resume", "cancel"];
  const allowed = actions.filter((a) => target(status, a, ctx) !== null);
  if (status === "scheduled" && ctx.needs_confirmation) allowed.push("confirm");
  return allowed;
}
