import { MedusaError } from "@medusajs/framework/utils";
import { diffFields, MALAYSIAN_STATES } from "@voltura/domain";
import { updateCampaignDispatchSettingsBodySchema, type CampaignDispatchSettings } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute, type Sql } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../dispatch-roles";

async function readSettings(db: Sql): Promise<CampaignDispatchSettings> {
  const [s] = await rows(db, `SELECT contact_cap_days, identical_text_per_hour, state FROM campaign_settings WHERE id = 'default'`);
  return { contact_cap_days: Number(s?.contact_cap_days ?? 7), identical_text_per_hour: Number(s?.identical_text_per_hour ?? 20), state: String(s?.state ?? "SGR") };
}

export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  res.json({ settings: await readSettings(sqlConnection(req.scope)) });
});

/** The contact frequency cap, the identical-text guard and the shop's state (weekend of new senders). */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(updateCampaignDispatchSettingsBodySchema, req.body);
  if (body.state && !(MALAYSIAN_STATES as readonly string[]).includes(body.state)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: state: use one of ${MALAYSIAN_STATES.join(", ")}`);
  }
  const db = sqlConnection(req.scope);
  const before = await readSettings(db);
  const after = { ...before, ...body };
  await db.raw(
    `INSERT INTO campaign_settings (id, contact_cap_days, identical_text_per_hour, state, created_at, updated_at) VALUES ('default', ?, ?, ?, now(), now())
     ON CONFLICT (id) DO UPDATE SET contact_cap_days = EXCLUDED.contact_cap_days, identical_text_per_hour = EXCLUDED.identical_text_per_hour,
       state = EXCLUDED.state, updated_at = now()`, [after.contact_cap_days, after.identical_text_per_hour, after.state]);
  await recordAudit(req, { action: "campaign.settings_changed", entity: "campaign_settings", entity_id: "default", changes: diffFields(before, after) });
  res.json({ settings: after });
});
