import { submitWhatsAppTemplateBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { requireCloudSession, submitTemplateToAccount } from "../../../../../../modules/whatsapp/templates/template-account";
import { answerAccountError, sessionOr404, toApiTemplate } from "../../../template-api";
import { findTemplate, listTemplateRows } from "../../../../../../modules/whatsapp/templates/template-sql";
import { SESSION_ADMINS, SESSION_READERS } from "../../../shared";

/** The number's templates as last synced or submitted, with their status (every staff member reads them). */
export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  const session = await sessionOr404(req.scope, req.params.id!);
  requireCloudSession(session);
  const rows = await listTemplateRows(sqlConnection(req.scope), session.id);
  res.json({ templates: rows.map(toApiTemplate) });
});

/**
 * Submits a template for Meta's review (400 names `name`, `language`, `category`, `body_text` or
 * `body_examples`); 201 with it stored as PENDING, 409 when the number already has it, 422 when Meta
 * refuses it (its message), 502 when Meta does not answer.
 */
export const POST = staffRoute(SESSION_ADMINS, async (req, res) => {
  const body = parseOrThrow(submitWhatsAppTemplateBodySchema, req.body);
  const session = await sessionOr404(req.scope, req.params.id!);
  requireCloudSession(session);
  const existing = await findTemplate(sqlConnection(req.scope), session.id, body.name, body.language);
  if (existing) {
    res.status(409).json({
      type: "template_exists", code: "template_exists", field: "name",
      message: `name: ${body.name} (${body.language}) is already a template of this number (${existing.status})`,
    });
    return;
  }
  try {
    const row = await submitTemplateToAccount(req.scope, session, body);
    await recordAudit(req, {
      action: "whatsapp.template.submitted",
      entity: "whatsapp_template",
      entity_id: row.id,
      metadata: { session_id: session.id, name: row.name, language: row.language, category: row.category, status: row.status, body_text: row.body_text },
    });
    res.status(201).json({ template: toApiTemplate(row) });
  } catch (error) {
    answerAccountError(res, error);
  }
});
