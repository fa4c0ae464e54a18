import type { Context } from "@medusajs/framework/types";
import { giveBackInSeries, takeNextInSeries } from "@voltura/medusa-kit";
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import type { DecisionChannel, QuoteStatus } from "@voltura/domain";
import { RepairInvoice } from "./models/repair-invoice";
import { RepairInvoiceSequence } from "./models/repair-invoice-sequence";
import { RepairLine } from "./models/repair-line";
import { RepairPayment } from "./models/repair-payment";
import { RepairQuote } from "./models/repair-quote";
import { RepairWarranty } from "./models/repair-warranty";
import { RepairWarrantyClaim } from "./models/repair-warranty-claim";

export interface QuoteDecision {
  status: Extract<QuoteStatus, "approved" | "rejected">;
  decided_by: string;
  decision_channel: DecisionChannel;
  decision_note: string | null;
}

class RepairBillingModuleService extends MedusaService({
  RepairLine,
  RepairQuote,
  RepairInvoice,
  RepairInvoiceSequence,
  RepairPayment,
  RepairWarranty,
  RepairWarrantyClaim,
}) {
  /**
   * Hands out the next invoice number of a series ("INV-2026"). One atomic upsert, so concurrent
   * completions never share a number and none is skipped.
   */
  @InjectTransactionManager()
  async allocateInvoiceSequence(series: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return takeNextInSeries(sharedContext.transactionManager!, "repair_invoice_sequence", series);
  }

  /** Gives a number back when the completion that took it was rolled back, if nobody took a later one. */
  @InjectTransactionManager()
  async releaseInvoiceSequence(series: string, value: number, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    return giveBackInSeries(sharedContext.transactionManager!, "repair_invoice_sequence", series, value);
  }

  /**
   * Records the decision on a sent quote, only if it is still undecided: a conditional update, so
   * two decisions racing each other (counter and WhatsApp) cannot both win. False when already decided.
   */
  @InjectTransactionManager()
  async decideSentQuote(id: string, decision: QuoteDecision, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<boolean> {
    const rows: unknown[] = await sharedContext.transactionManager!.execute(
      `UPDATE repair_quote SET status = ?, decided_at = now(), decided_by = ?, decision_channel = ?, decision_note = ?, updated_at = now()
       WHERE id = ? AND status = 'sent' AND deleted_at IS NULL RETURNING id`,
      [decision.status, decision.decided_by, decision.decision_channel, decision.decision_note, id],
    );
    return rows.length > 0;
  }
}

export default RepairBillingModuleService;
