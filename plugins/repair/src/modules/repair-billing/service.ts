import type { Context } from "@medusajs/framework/types";
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils";
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex";
import { takeNextNumber } from "@voltura/plugin-platform/modules/number-series";
import { RepairInvoice } from "./models/repair-invoice";
import { RepairLine } from "./models/repair-line";
import { RepairPayment } from "./models/repair-payment";
import { RepairQuote } from "./models/repair-quote";
import { RepairWarranty } from "./models/repair-warranty";
import { RepairWarrantyClaim } from "./models/repair-warranty-claim";

class RepairBillingModuleService extends MedusaService({
  RepairLine,
  RepairQuote,
  RepairInvoice,
  RepairPayment,
  RepairWarranty,
  RepairWarrantyClaim,
}) {
  /**
   * Hands out the next invoice number of a series ("INV-2026") from the platform's number_series. One atomic upsert, so concurrent
   * completions never share a number and none is skipped.
   */
  @InjectTransactionManager()
  async allocateInvoiceSequence(series: string, @MedusaContext() sharedContext: Context<EntityManager> = {}): Promise<number> {
    return takeNextNumber(sharedContext.transactionManager!, series);
  }
}

export default RepairBillingModuleService;
