import { MedusaError } from "@medusajs/framework/utils";
import { diffFields } from "@voltura/domain";
import { putTemplateBindingBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { requireCloudSession } from "../../../../modules/whatsapp/templates/template-account";
import { sessionOr404, toApiBinding } from "../template-api";
import { findTemplate, listBindingRows, putBinding } from "../../../../modules/whatsapp/templates/template-sql";
import { SESSION_ADMINS, SESSION_READERS } from "../shared";

/** Which template each purpose (quote_sent, quote_reminder, pickup_day<n>, campaign) uses per number and language. */
export const GET = staffRoute(SESSION_READERS, async (req, res) => {
  const sessionId = typeof req.query.session_id === "string" && req.query.session_id.trim() !== "" ? req.query.session_id.trim() : undefined;
  const bindings = await listBindingRows(sqlConnection(req.scope), sessionId);
  res.json({ bindings: bindings.map(toApiBinding) });
});

/**
 * Sets one binding (or removes it with `template_name: null`); 400 names `session_id` (not a Cloud API
 * number), `template_name` (not a template of that number in that language) or `params` (not one
 * variable per {{n}}). Answers the number's bindings; every change is an audit row.
 */
export const PUT = staffRoute(SESSION_ADMINS, async (req, res) => {
  const body = parseOrThrow(putTemplateBindingBodySchema, req.body);
  const session = await sessionOr404(req.scope, body.session_id);
  requireCloudSession(session);
  const db = sqlConnection(req.scope);
  if (body.template_name !== null) {
    const template = await findTemplate(db, session.id, body.template_name, body.language);
    if (!template) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: template_name: ${body.template_name} (${body.language}) is not a template of this number (sync the templates, or submit it)`,
      );
    }
    if (body.params.length !== Number(template.param_count)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Invalid request: params: ${body.template_name} takes ${template.param_count} variable${Number(template.param_count) === 1 ? "" : "s"} ({{1}}…), ${body.params.length} given`,
      );
    }
  }
  const before = await putBinding(db, { ...body, session_id: session.id });
  const after = body.template_name === null ? null : { template_name: body.template_name, params: body.params };
  const changes = diffFields(before ? { template_name: before.template_name, params: before.params } : null, after, ["template_name", "params"]);
  if (Object.keys(changes).length) {
    await recordAudit(req, {
      action: after ? "whatsapp.template_binding.set" : "whatsapp.template_binding.removed",
      entity: "whatsapp_template_binding",
      entity_id: `${session.id}:${body.purpose}:${body.language}`,
      changes,
      metadata: { session_id: session.id, purpose: body.purpose, language: body.language },
    });
  }
  const bindings = await listBindingRows(db, session.id);
  res.json({ bindings: bindings.map(toApiBinding) });
});
