import { MedusaError } from "@medusajs/framework/utils";
import { diffFields } from "@voltura/domain";
import { updateCampaignTemplateBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../../roles";
import { templateAnswer } from "../../../../../modules/campaigns/planner/templates";

async function loadTemplate(req: { scope: Parameters<typeof sqlConnection>[0] }, id: string) {
  const [row] = await rows(sqlConnection(req.scope), `SELECT * FROM campaign_template WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Template ${id} was not found`);
  return row;
}

export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  res.json({ template: templateAnswer(await loadTemplate(req, req.params.id!)) });
});

export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(updateCampaignTemplateBodySchema, req.body ?? {});
  const before = await loadTemplate(req, req.params.id!);
  const [row] = await rows(sqlConnection(req.scope),
    `UPDATE campaign_template SET name = COALESCE(?, name), language = COALESCE(?, language), body = COALESCE(?, body), updated_at = now()
     WHERE id = ? AND deleted_at IS NULL RETURNING *`,
    [body.name ?? null, body.language ?? null, body.body ?? null, before.id]);
  await recordAudit(req, { action: "campaign.template_update", entity: "campaign_template", entity_id: String(before.id), changes: diffFields(before, row!, Object.keys(body)) });
  res.json({ template: templateAnswer(row!) });
});

export const DELETE = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const before = await loadTemplate(req, req.params.id!);
  await sqlConnection(req.scope).raw(`UPDATE campaign_template SET deleted_at = now(), updated_at = now() WHERE id = ?`, [before.id]);
  await recordAudit(req, { action: "campaign.template_delete", entity: "campaign_template", entity_id: String(before.id), metadata: { name: before.name } });
  res.json({ id: String(before.id), deleted: true });
});
