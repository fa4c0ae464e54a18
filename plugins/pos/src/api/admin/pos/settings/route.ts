import { posSettingsSchema } from "@voltura/medusa-client";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadDiscountLimits } from "../../../../sales/context";
import { POS_MANAGERS, POS_STAFF } from "../../../../sales/roles";
import { updatePosSettingsWorkflow } from "../../../../workflows/update-pos-settings";

/** The discount limits above which a manager must approve (null = no limit). */
export const GET = staffRoute(POS_STAFF, async (req, res) => {
  res.json({ settings: await loadDiscountLimits(req.scope) });
});

export const POST = staffRoute(POS_MANAGERS, async (req, res) => {
  const body = parseOrThrow(posSettingsSchema, req.body);
  const { result } = await updatePosSettingsWorkflow(req.scope).run({ input: body });
  res.json({ settings: result });
});
