import { staffReplyBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { toHandoff } from "../../../../../../modules/concierge/records";
import { changeHandoffWorkflow } from "../../../../../../workflows/change-handoff";
import { conciergeOf } from "../../../../../../workflows/steps/service";
import { INBOX } from "../../../roles";
import { phoneOrThrow } from "../../../support";

/** A person answered the chat: claims an open handoff for them and resets its escalation timer. */
export const POST = staffRoute(INBOX, async (req, res) => {
  parseOrThrow(staffReplyBodySchema, req.body ?? {});
  const phone = phoneOrThrow(req.params.phone!);
  const active = await conciergeOf(req.scope).activeHandoff(phone);
  if (!active) return void res.json({ handoff: null });
  const { result } = await changeHandoffWorkflow(req.scope).run({
    input: { id: active.id, action: "staff_reply", actor: { id: req.actor.id, name: req.actor.name } },
  });
  res.json({ handoff: toHandoff(result.handoff) });
});
