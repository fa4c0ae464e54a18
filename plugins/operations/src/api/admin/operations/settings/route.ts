import { diffFields } from "@voltura/domain";
import { OPERATIONS_SETTINGS_FIELDS, operationsSettingsPatchSchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { readSettings, updateSettings } from "../../../../modules/operations/sql/settings";
import { OWNERS, OWNERS_AND_WORKER, requesterOf } from "../access";

/** The backup settings (the worker reads them for the schedule, retention and the external target). */
export const GET = staffRoute(OWNERS_AND_WORKER, async (req, res) => {
  res.json({ settings: await readSettings(sqlConnection(req.scope)) });
});

/** Changes any of them; below a minimum (7 days of dailies, 4 weeks outside) is a 400 naming the field. Audited. */
export const PUT = staffRoute(OWNERS, async (req, res) => {
  const patch = parseOrThrow(operationsSettingsPatchSchema, req.body ?? {});
  const { before, after } = await updateSettings(sqlConnection(req.scope), patch, requesterOf(req.actor));
  await recordAudit(req, {
    action: "operations.settings.update", entity: "operations_settings", entity_id: "shop",
    changes: diffFields(before, after, OPERATIONS_SETTINGS_FIELDS),
  });
  res.json({ settings: after });
});
