import { MedusaError } from "@medusajs/framework/utils";
import { ALL_STAFF, auditEventBodySchema, auditEventRefusal, type AuditEventBody } from "@voltura/domain";
import { parseOrThrow, recordAudit, requestIdOf, staffRoute } from "@voltura/medusa-kit";

/**
 * Events the console observes and commerce cannot see itself. The console's `system` actor posts
 * `auth.*` (sign-ins and their failures, with the person and address in the body); a staff member
 * posts `export.*` for an export made from a console page, recorded as themselves: the actor
 * always comes from the token, never from the body.
 */
export const POST = staffRoute<AuditEventBody>([...ALL_STAFF, "system"], async (req, res) => {
  const body = parseOrThrow(auditEventBodySchema, req.body);
  const refusal = auditEventRefusal(req.actor.role, body);
  if (refusal?.field === "action") throw new MedusaError(MedusaError.Types.FORBIDDEN, `action: ${refusal.reason}`);
  if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${refusal.field} ${refusal.reason}`);
  const base = { action: body.action, entity: body.entity, entity_id: body.entity_id ?? null, metadata: body.metadata ?? null };
  if (req.actor.role === "system") {
    await recordAudit(req, {
      ...base,
      actor_id: body.actor_id ?? null,
      actor_role: body.actor_role ?? null,
      actor_name: body.actor_name ?? null,
      ip: body.ip ?? null,
      metadata: { ...(body.metadata ?? {}), reported_by: req.actor.id },
    });
  } else {
    await recordAudit(req, base);
  }
  res.status(201).json({ recorded: true, request_id: requestIdOf(req) });
});
