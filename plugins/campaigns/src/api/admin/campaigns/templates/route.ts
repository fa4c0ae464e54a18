import { generateEntityId } from "@medusajs/framework/utils";
import { z } from "zod";
import { CAMPAIGN_LANGUAGES, campaignTemplateBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, rows, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { CAMPAIGN_MANAGERS } from "../roles";
import { templateAnswer } from "../../../../modules/campaigns/planner/templates";

/** The template library (BM and EN), by language then name. */
export const GET = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const query = parseOrThrow(z.object({ language: z.enum(CAMPAIGN_LANGUAGES).optional() }), req.query ?? {});
  const found = await rows(sqlConnection(req.scope),
    `SELECT * FROM campaign_template WHERE deleted_at IS NULL ${query.language ? "AND language = ?" : ""} ORDER BY language, name, id LIMIT 500`,
    query.language ? [query.language] : []);
  res.json({ templates: found.map(templateAnswer) });
});

export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(campaignTemplateBodySchema, req.body ?? {});
  const [row] = await rows(sqlConnection(req.scope),
    `INSERT INTO campaign_template (id, name, language, body, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, now(), now()) RETURNING *`,
    [generateEntityId(undefined, "ctpl"), body.name, body.language, body.body, req.actor.id]);
  await recordAudit(req, { action: "campaign.template_create", entity: "campaign_template", entity_id: String(row!.id), metadata: { name: body.name, language: body.language } });
  res.status(201).json({ template: templateAnswer(row!) });
});
