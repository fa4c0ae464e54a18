import { tryNormalisePhone } from "@voltura/domain";
import { formatPhoneForDisplay } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { toHandoff } from "../../../../../../modules/concierge/records";
import { changeHandoffWorkflow } from "../../../../../../workflows/change-handoff";
import { conciergeOf } from "../../../../../../workflows/steps/service";
import { SERVICE } from "../../../roles";

/**
 * The conversation workflow's escalation: marks the handoff escalated (once) and answers whom to
 * alert and what to say; the workflow sends the WhatsApp alerts itself (idempotent keys).
 */
export const POST = staffRoute(SERVICE, async (req, res) => {
  const { result } = await changeHandoffWorkflow(req.scope).run({
    input: { id: req.params.id!, action: "escalate", actor: { id: req.actor.id, name: req.actor.name } },
  });
  const settings = await conciergeOf(req.scope).retrieveConciergeSettings();
  const h = toHandoff(result.handoff);
  const phones = settings.manager_phones.map((p) => tryNormalisePhone(p)).filter((p): p is string => p !== null);
  const alert_text =
    `Handoff belum dijawab / unanswered for ${settings.escalate_after_minutes} min: ${formatPhoneForDisplay(h.phone)}` +
    `${h.job_number ? ` (job ${h.job_number})` : ""}. ${h.reason}. Open the inbox to reply.`;
  res.json({ handoff: h, escalate: result.changed, manager_phones: phones, alert_text });
});
