import type { Context } from "@medusajs/framework/types";
import { giveBackNumber, takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { DocumentShareLink } from "./models/document-share-link";
import { DocumentTemplate } from "./models/document-template";
import { EInvoiceProfile } from "./models/einvoice-profile";
import { Quotation } from "./models/quotation";
import { SalesInvoice } from "./models/sales-invoice";
import { SalesInvoicePayment } from "./models/sales-invoice-payment";

class InvoicingModuleService extends MedusaService({
  Quotation,
  SalesInvoice,
  SalesInvoicePayment,
  DocumentTemplate,
  EInvoiceProfile,
  DocumentShareLink,
}) {
  /** Next quotation number of a series ("QUO-2026"): one atomic upsert, so concurrent creates never share one. */
  @InjectTransactionManager()
  async allocateQuotationSequence(series: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return takeNextNumber(sharedContext.transactionManager!, series);
  }

  @InjectTransactionManager()
  async releaseQuotationSequence(series: string, value: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return giveBackNumber(sharedContext.transactionManager!, series, value);
  }

  /**
   * Moves a quotation only if it is still in `from` (a conditional update), so two staff members
   * (or a follow-up and a staff member) racing each other cannot both win. Conversion locks the
   * row instead (workflows/steps/convert-quotation.ts), so a move waits for it and then finds "converted".
   */
  @InjectTransactionManager()
  async moveQuotationStatus(
    id: string, from: readonly string[], to: string, extra: { decided_at?: Date | null; sent_at?: Date | null } = {},
    @MedusaContext() sharedContext: Context<EntityManager> = {},
  ): Promise<boolean> {
    const rows: unknown[] = await sharedContext.transactionManager!.execute(
      `UPDATE quotation SET status = ?, decided_at = COALESCE(?, decided_at), sent_at = COALESCE(?, sent_at), updated_at = now()
       WHERE id = ? AND status IN (${from.map(() => "?").join(", ")}) AND deleted_at IS NULL RETURNING id`,
      [to, extra.decided_at ?? null, extra.sent_at ?? null, id, ...from],
    );
    return rows.length > 0;
  }
}

export default InvoicingModuleService;
