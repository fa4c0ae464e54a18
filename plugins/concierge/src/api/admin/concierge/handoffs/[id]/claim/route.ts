import { staffRoute } from "@voltura/medusa-kit";
import { toHandoff } from "../../../../../../modules/concierge/records";
import { changeHandoffWorkflow } from "../../../../../../workflows/change-handoff";
import { INBOX } from "../../../roles";

/** A technician takes the chat (409 once it is closed). */
export const POST = staffRoute(INBOX, async (req, res) => {
  const { result } = await changeHandoffWorkflow(req.scope).run({
    input: { id: req.params.id!, action: "claim", actor: { id: req.actor.id, name: req.actor.name } },
  });
  res.json({ handoff: toHandoff(result.handoff), changed: result.changed });
});
