import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { senToRinggit } from "@voltura/domain";
import { INVOICE_CURRENCY } from "../../billing/context";

/** Mirrors the pickup payments on the invoice's Medusa order as transactions, so the order reads as paid. */
export const recordOrderPaymentsStep = createStep(
  "record-repair-order-payments",
  async (input: { order_id: string | null; payment_ids: string[]; amounts_sen: number[] }, { container }) => {
    if (!input.order_id || !input.payment_ids.length) return new StepResponse([] as string[], [] as string[]);
    const orders = container.resolve(Modules.ORDER);
    const created = await orders.addOrderTransactions(
      input.payment_ids.map((id, i) => ({
        order_id: input.order_id!, amount: senToRinggit(input.amounts_sen[i]!), currency_code: INVOICE_CURRENCY, reference: "repair_payment", reference_id: id,
      })),
    );
    const ids = (Array.isArray(created) ? created : [created]).map((t) => t.id);
    return new StepResponse(ids, ids);
  },
  async (ids, { container }) => {
    if (ids?.length) await container.resolve(Modules.ORDER).deleteOrderTransactions(ids);
  },
);
