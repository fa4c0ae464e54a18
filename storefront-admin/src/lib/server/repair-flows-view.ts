import { formatDateTime } from "$lib/i18n/format";
import { m } from "$lib/paraglide/messages.js";
import type { RepairFlow, RepairFlows } from "@voltura/contracts";
import type { RepairFlowView } from "$lib/repair/flows";

const shop = (iso: string) => formatDateTime(iso);
/** Temporal's execution status in words; an unexpected one as Temporal spells it, made readable. */
function words(status: string): string {
  const known: Record<string, () => string> = {
    RUNNING: m.job_flow_running,
    COMPLETED: m.job_flow_completed,
    FAILED: m.job_flow_failed,
    TERMINATED: m.job_flow_terminated,
    CANCELED: m.job_flow_cancelled,
    CANCELLED: m.job_flow_cancelled,
    TIMED_OUT: m.job_flow_timed_out,
  };
  return known[status]?.() ?? status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");
}

function quoteSummary(flow: Extract<RepairFlow, { kind: "quote" }>): { summary: string | null; details: string[] } {
  const s = flow.state;
  if (!s) return { summary: null, details: [] };
  const details = [m.job_flow_sent({ when: shop(s.sentAt) })];
  if (s.remindedAt) details.push(m.job_flow_reminded({ when: shop(s.remindedAt) }));
  else if (s.phase === "awaiting_reply") details.push(m.job_flow_reminder_due({ when: shop(s.reminderAt) }));
  if (s.escalatedAt) details.push(m.job_flow_handed_to_staff({ when: shop(s.escalatedAt) }));
  else if (s.phase === "awaiting_reply" || s.phase === "reminded") details.push(m.job_flow_escalates({ when: shop(s.escalateAt) }));
  const via = s.decidedVia === "whatsapp" || s.decidedVia === "counter" ? s.decidedVia : null;
  const decided =
    s.decision === "approve"
      ? via === "whatsapp" ? m.job_flow_approved_whatsapp() : via === "counter" ? m.job_flow_approved_counter() : m.job_flow_approved()
      : s.decision === "reject"
        ? via === "whatsapp" ? m.job_flow_rejected_whatsapp() : via === "counter" ? m.job_flow_rejected_counter() : m.job_flow_rejected()
        : m.job_flow_decided();
  const summary: Record<typeof s.phase, string> = {
    sending: m.job_flow_sending(),
    awaiting_reply: m.job_flow_awaiting_reply(),
    reminded: m.job_flow_reminded_waiting(),
    escalated: m.job_flow_escalated(),
    recording: m.job_flow_recording(),
    decided,
    closed: s.closedReason ?? m.job_flow_closed(),
  };
  return { summary: summary[s.phase], details };
}

function pickupSummary(flow: Extract<RepairFlow, { kind: "pickup" }>): { summary: string | null; details: string[] } {
  const s = flow.state;
  if (!s) return { summary: null, details: [] };
  const details = s.sent.map((r) => m.job_flow_day_sent({ day: r.day, when: shop(r.at) }));
  if (s.next) details.push(m.job_flow_day_due({ day: s.next.day, when: shop(s.next.at) }));
  const stopped = { picked_up: m.job_flow_stopped_collected, opted_out: m.job_flow_stopped_opted_out, reopened: m.job_flow_stopped_reopened };
  const summary = s.stoppedBy ? stopped[s.stoppedBy]() : s.phase === "finished" ? m.job_flow_all_sent() : m.job_flow_reminding();
  return { summary, details };
}

/** The job's flows for the workspace panel; links go to the Temporal UI when TEMPORAL_UI_URL is set. */
export function repairFlowViews(answer: RepairFlows, temporalUi: string | undefined): RepairFlowView[] {
  const base = temporalUi?.replace(/\/$/, "");
  return answer.flows.map((flow) => {
    const { summary, details } = flow.kind === "quote" ? quoteSummary(flow) : pickupSummary(flow);
    return {
      workflowId: flow.workflow_id,
      title: flow.kind === "quote" ? m.job_flow_quote_title({ version: flow.version }) : m.job_flow_pickup_title(),
      status: words(flow.status),
      running: flow.status === "RUNNING",
      summary,
      details,
      temporalUrl: base
        ? `${base}/namespaces/${encodeURIComponent(answer.namespace)}/workflows/${encodeURIComponent(flow.workflow_id)}/${encodeURIComponent(flow.run_id)}`
        : null,
    };
  });
}
