import type { MedusaRequest } from "@medusajs/framework/http";
import { shopDate, shopTimeZone } from "@voltura/domain";
import { alertStaffOnWhatsApp, AUDIT_MODULE, recordAudit } from "@voltura/medusa-kit";
import type AuditModuleService from "../../../../modules/audit/service";
import { INTEGRITY_MODULE, type IntegrityModuleService, type IntegrityRunRow } from "../../../../modules/integrity";
import { runIntegrityChecks, sqlReader } from "../run-checks";
import { breachAlertText, summarizeReport, type RunSummary } from "../../../../domain/integrity/summary";
import type { IntegrityReport } from "../../../../domain/integrity/types";

export const BREACH_ACTION = "integrity.breach";

export interface RecordRunInput {
  trigger: "nightly" | "manual";
  idempotency_key: string | null;
}

export interface RecordedRun {
  run: IntegrityRunRow;
  /** True when the key had already been used: the stored run is returned, nothing was checked again. */
  replayed: boolean;
  /** The full result of this call's check (null on a replay). */
  report: IntegrityReport | null;
  alerts_sent: number;
}

/**
 * Runs every check and stores the run (once per idempotency key). When something breached: one
 * `integrity.breach` audit row for the run and a WhatsApp alert to the owners, keyed per shop day.
 * A replay after a crash finishes what the first call did not: the audit row is added when
 * missing and the alert is sent again under the same keys (the gateway sends each key once).
 */
export async function runAndRecordIntegrity(req: MedusaRequest, input: RecordRunInput, now = new Date()): Promise<RecordedRun> {
  const report = await runIntegrityChecks(sqlReader(req.scope), now);
  const summary = summarizeReport(report);
  const { run, created } = await req.scope.resolve<IntegrityModuleService>(INTEGRITY_MODULE).recordRun({
    ran_at: now, ok: report.ok, trigger: input.trigger, idempotency_key: input.idempotency_key, summary,
  });
  let alertsSent = 0;
  if (!run.ok) {
    const stored = run.summary as RunSummary;
    if (created || !(await breachAlreadyAudited(req, run.id))) {
      await recordAudit(req, {
        action: BREACH_ACTION, entity: "integrity_run", entity_id: run.id,
        metadata: { trigger: run.trigger, failed: stored.checks.filter((c) => !c.ok).map((c) => ({ name: c.name, count: c.count, ...(c.error ? { error: c.error } : {}) })) },
      });
    }
    // The shop day in the configured zone, as the nightly workflow keys its run.
    const day = shopDate(new Date(run.ran_at), shopTimeZone(process.env.SHOP_TIME_ZONE));
    alertsSent = await alertStaffOnWhatsApp(req.scope, {
      roles: ["owner"], text: breachAlertText(stored, day), key: `integrity:${day}`, ref: run.id,
      sender: "integrity-check", label: `Integrity breach WhatsApp alert for ${day}`,
    });
  }
  return { run, replayed: !created, report: created ? report : null, alerts_sent: alertsSent };
}

async function breachAlreadyAudited(req: MedusaRequest, runId: string): Promise<boolean> {
  const audit = req.scope.resolve<AuditModuleService>(AUDIT_MODULE);
  const { entries } = await audit.list({ action: BREACH_ACTION, entity: "integrity_run", entity_id: runId }, { limit: 1 });
  return entries.length > 0;
}
