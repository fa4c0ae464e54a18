import { conciergeSettingsPatchSchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { updateConciergeSettingsWorkflow } from "../../../../workflows/update-concierge-settings";
import { conciergeOf } from "../../../../workflows/steps/service";
import { EDITORS, INBOX } from "../roles";

export const GET = staffRoute(INBOX, async (req, res) => {
  res.json({ settings: await conciergeOf(req.scope).retrieveConciergeSettings() });
});

export const POST = staffRoute(EDITORS, async (req, res) => {
  const patch = parseOrThrow(conciergeSettingsPatchSchema, req.body);
  const { result } = await updateConciergeSettingsWorkflow(req.scope).run({ input: { patch, updated_by: req.actor.name } });
  res.json({ settings: result });
});
