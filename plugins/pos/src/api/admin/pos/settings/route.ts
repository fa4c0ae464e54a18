import { posSettingsBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadPosSettings } from "../../../../workflows/steps/context";
import { POS_MANAGERS, POS_STAFF } from "../roles";
import { updatePosSettingsWorkflow } from "../../../../workflows/update-pos-settings";

/** The discount limits and the refund limit above which a manager must approve (null = no limit). */
export const GET = staffRoute(POS_STAFF, async (req, res) => {
  res.json({ settings: await loadPosSettings(req.scope) });
});

export const POST = staffRoute(POS_MANAGERS, async (req, res) => {
  const body = parseOrThrow(posSettingsBodySchema, req.body);
  const { result } = await updatePosSettingsWorkflow(req.scope).run({ input: body });
  res.json({ settings: result });
});
