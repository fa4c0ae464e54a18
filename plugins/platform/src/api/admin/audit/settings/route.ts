import { auditSettingsBodySchema, diffFields, type AuditSettingsBody } from "@voltura/domain";
import { AUDIT_MODULE, auditEntryFor, parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import type AuditModuleService from "../../../../modules/audit/service";

/** How many years audit rows stay in the hot table before the daily archive run moves them. */
export const GET = staffRoute(["owner", "manager", "system"], async (req, res) => {
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  res.json({ settings: await audit.hotYears() });
});

export const PUT = staffRoute<AuditSettingsBody>(["owner"], async (req, res) => {
  const body = parseOrThrow(auditSettingsBodySchema, req.body);
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  const before = await audit.hotYears();
  await audit.setHotYears(body.audit_hot_years, auditEntryFor(req, {
    action: "audit.settings_updated",
    entity: "audit_settings",
    entity_id: "shop",
    changes: diffFields({ audit_hot_years: before.audit_hot_years }, body),
  }));
  res.json({ settings: await audit.hotYears() });
});
