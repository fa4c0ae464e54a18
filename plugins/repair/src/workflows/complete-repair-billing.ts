import { Modules } from "@medusajs/framework/utils";
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { createOrderWorkflow, createRemoteLinkStep } from "@medusajs/medusa/core-flows";
import { applyStockMovementsStep } from "@voltura/plugin-procurement/workflows";
import { REPAIR_BILLING_MODULE } from "../modules/repair-billing/index";
import { consumeReservedPartsStep, consumptionMovements } from "./steps/consume-reserved-parts";
import { createRepairInvoiceStep } from "./steps/create-repair-invoice";
import { loadCompletionStep } from "./steps/load-completion";

export interface CompleteRepairBillingInput {
  job_id: string;
  completed_by: string;
}

/**
 * Runs when a job moves to Completed (from the status hook): consumes the reserved parts (stock
 * leaves through the procurement ledger as repair_consumption), raises
 * the invoice as a Medusa order in the Counter channel and stores our invoice with its number.
 * Any failure compensates every step: stock and reservations come back, order and invoice go.
 */
export const completeRepairBillingWorkflow = createWorkflow("complete-repair-billing", (input: CompleteRepairBillingInput) => {
  const plan = loadCompletionStep(input);
  const consumed = consumeReservedPartsStep(transform({ plan }, ({ plan }) => plan.to_consume));
  const stock = applyStockMovementsStep(
    transform({ consumed, plan, input }, ({ consumed, plan, input }) => ({ movements: consumptionMovements(consumed, plan, input.completed_by) })),
  );

  const invoiced = when("job-needs-invoice", { plan }, ({ plan }) => plan.should_invoice).then(() => {
    const order = createOrderWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => plan.order_input!),
    });
    const invoice = createRepairInvoiceStep(
      transform({ plan, order, input }, ({ plan, order, input }) => ({
        job_id: plan.job_id, order_id: order.id, totals: plan.totals, sst_rate_bp: plan.sst_rate_bp,
        prices_include_tax: plan.prices_include_tax, issued_by: input.completed_by,
      })),
    );
    createRemoteLinkStep(
      transform({ invoice, order }, ({ invoice, order }) => [
        { [REPAIR_BILLING_MODULE]: { repair_invoice_id: invoice.id }, [Modules.ORDER]: { order_id: order.id } },
      ]),
    );
    return transform({ invoice, order }, ({ invoice, order }) => ({ invoice_id: invoice.id, invoice_number: invoice.invoice_number, order_id: order.id }));
  });

  return new WorkflowResponse(
    transform({ consumed, invoiced, stock }, ({ consumed, invoiced, stock }) => ({
      consumed, invoice: invoiced ?? null, stock_movement_ids: stock.movements.map((m) => m.id),
    })),
  );
});
