import { Modules } from "@medusajs/framework/utils";
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk";
import { buildSaleOrderInput, type CheckoutPlan } from "../../sales/plan";

/** The Medusa order in the Counter channel that carries the sale; compensation deletes it. */
export const createSaleOrderStep = createStep(
  "create-pos-sale-order",
  async (input: { plan: CheckoutPlan; receipt_number: string; customer_id: string | null }, { container }) => {
    const orders = container.resolve(Modules.ORDER);
    const order = await orders.createOrders(buildSaleOrderInput(input.plan, input.receipt_number, input.customer_id));
    return new StepResponse({ id: order.id }, order.id);
  },
  async (orderId, { container }) => {
    if (orderId) await container.resolve(Modules.ORDER).deleteOrders([orderId]);
  },
);
