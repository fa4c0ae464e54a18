import { archiveRunKey, operationsShopDay, shopDayInputSchema, type ShopDayInput } from "./operations-definitions.js";
import { longOps, parseOperationsInput, shopTimeZone } from "./operations-support.js";

export interface ArchiveRunResult {
  idempotencyKey: string;
  runId: string;
  /** Rows of closed jobs, sales, messages and chats moved to the archive schema. */
  moved: number;
  /** Audit rows past the hot-table retention moved to archive.audit_entry. */
  auditMoved: number;
}

/**
 * Daily (`archive-daily`): moves old closed records to the archive schema (one run per shop day,
 * carried on by its key after a crash), then the audit rows past their hot-table retention.
 */
export async function archiveRun(raw: ShopDayInput = {}): Promise<ArchiveRunResult> {
  const input = parseOperationsInput(shopDayInputSchema, raw, "archiveRun");
  const idempotencyKey = archiveRunKey(operationsShopDay(Date.now(), shopTimeZone(input.timeZone)));
  const run = await longOps.runArchive({ idempotencyKey });
  const audit = await longOps.runAuditArchive();
  return { idempotencyKey, runId: run.runId, moved: run.moved, auditMoved: audit.moved };
}
