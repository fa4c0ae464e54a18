import { error } from "@sveltejs/kit";
import { z } from "zod";
import type { CommerceClient } from "@voltura/medusa-client";
import { commerceProblem } from "./commerce";

/**
 * Audit rows the console asks commerce to write (`POST /admin/audit/events`), as the signed-in
 * staff member: commerce fills in who, when, the role, the request id and the address.
 */
export const exportAuditEventSchema = z.object({
  action: z.enum(["export.customers", "export.inventory", "export.jobs", "export.pos_sales", "export.quotations", "export.invoices"]),
  entity: z.string().min(1).max(80),
  metadata: z.object({
    /** The list's filters the export was made with (what was taken out of the system). */
    filters: z.record(z.string(), z.unknown()),
    rows: z.number().int().nonnegative(),
  }),
});
export type ExportAuditEvent = z.infer<typeof exportAuditEventSchema>;

export const EXPORT_NOT_RECORDED_MESSAGE =
  "The export could not be written to the audit trail, so it was not made. Try again in a moment.";

/** Writes one export to the audit trail; throws (CommerceError) when commerce does not take it. */
export async function recordExportEvent(commerce: CommerceClient, event: ExportAuditEvent): Promise<void> {
  await commerce.request("POST", "/admin/audit/events", z.unknown(), exportAuditEventSchema.parse(event));
}

/** The filters as they go into the audit row: what was asked for, without paging or empty values. */
export function auditFilters(filters: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filters).filter(([key, value]) => key !== "page" && value !== null && value !== "" && value !== false),
  );
}

/**
 * An export's answer: the read (commerce trouble → 503 or its 4xx), then the audit row (no row,
 * no file → 503), then the CSV as a download that no cache keeps.
 */
export async function auditedCsvDownload<Row>(
  commerce: CommerceClient,
  spec: {
    action: ExportAuditEvent["action"];
    entity: string;
    filters: object;
    filename: string;
    read: () => Promise<Row[]>;
    csv: (rows: Row[]) => string;
  },
): Promise<Response> {
  let rows: Row[];
  try {
    rows = await spec.read();
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
  }
  try {
    await recordExportEvent(commerce, { action: spec.action, entity: spec.entity, metadata: { filters: auditFilters(spec.filters), rows: rows.length } });
  } catch (err) {
    console.error(`[console] ${spec.action} not audited:`, err);
    error(503, { message: EXPORT_NOT_RECORDED_MESSAGE });
  }
  return new Response(spec.csv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${spec.filename}"`,
      "cache-control": "private, no-store",
    },
  });
}
