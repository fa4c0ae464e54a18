import { formatShopTime } from "@voltura/domain";
import type { RepairFlow, RepairFlows } from "@voltura/medusa-client";
import type { RepairFlowView } from "$lib/repair/flows";

const shop = (iso: string) => formatShopTime(iso);
const words = (status: string) => status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");

function quoteSummary(flow: Extract<RepairFlow, { kind: "quote" }>): { summary: string | null; details: string[] } {
  const s = flow.state;
  if (!s) return { summary: null, details: [] };
  const details = [`Sent ${shop(s.sentAt)}`];
  if (s.remindedAt) details.push(`Reminded ${shop(s.remindedAt)}`);
  else if (s.phase === "awaiting_reply") details.push(`Reminder due ${shop(s.reminderAt)}`);
  if (s.escalatedAt) details.push(`Handed to staff ${shop(s.escalatedAt)}`);
  else if (s.phase === "awaiting_reply" || s.phase === "reminded") details.push(`Escalates ${shop(s.escalateAt)}`);
  const decided = s.decision === "approve" ? "Approved" : s.decision === "reject" ? "Rejected" : null;
  const via = s.decidedVia === "whatsapp" ? " by WhatsApp reply" : s.decidedVia === "counter" ? " at the counter" : "";
  const summary: Record<typeof s.phase, string> = {
    sending: "Sending the quote on WhatsApp",
    awaiting_reply: "Waiting for the customer's reply",
    reminded: "Reminder sent; waiting for the reply",
    escalated: "No reply: handed to a technician",
    recording: "Recording the customer's reply",
    decided: `${decided ?? "Decided"}${via}`,
    closed: s.closedReason ?? "Closed",
  };
  return { summary: summary[s.phase], details };
}

function pickupSummary(flow: Extract<RepairFlow, { kind: "pickup" }>): { summary: string | null; details: string[] } {
  const s = flow.state;
  if (!s) return { summary: null, details: [] };
  const details = s.sent.map((r) => `Day ${r.day} reminder sent ${shop(r.at)}`);
  if (s.next) details.push(`Day ${s.next.day} reminder due ${shop(s.next.at)}`);
  const stopped = { picked_up: "Stopped: collected", opted_out: "Stopped: the customer opted out", reopened: "Stopped: back on the bench" };
  const summary = s.stoppedBy ? stopped[s.stoppedBy] : s.phase === "finished" ? "All reminders sent" : "Reminding the customer to collect";
  return { summary, details };
}

/** The job's flows for the workspace panel; links go to the Temporal UI when TEMPORAL_UI_URL is set. */
export function repairFlowViews(answer: RepairFlows, temporalUi: string | undefined): RepairFlowView[] {
  const base = temporalUi?.replace(/\/$/, "");
  return answer.flows.map((flow) => {
    const { summary, details } = flow.kind === "quote" ? quoteSummary(flow) : pickupSummary(flow);
    return {
      workflowId: flow.workflow_id,
      title: flow.kind === "quote" ? `Quote v${flow.version} confirmation` : "Pickup reminders",
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
