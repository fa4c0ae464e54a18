import { randomUUID } from "node:crypto";
import { ADJUSTMENT_REASONS } from "@voltura/contracts";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { formIdempotencyKey } from "$lib/server/form-key";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import { itemChoices } from "$lib/server/inventory-items";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    const [adjustments, items] = await Promise.all([inventoryApi(commerce).listAdjustments(), itemChoices(commerce)]);
    return { adjustments, items, reasons: ADJUSTMENT_REASONS, problem: null, formKey: randomUUID() };
  } catch (err) {
    return { adjustments: [], items: [], reasons: ADJUSTMENT_REASONS, problem: commerceProblem(err).message, formKey: randomUUID() };
  }
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const values = { inventory_item_id: String(data.get("inventory_item_id") ?? ""), reason: String(data.get("reason") ?? ""), quantity: String(data.get("quantity") ?? ""), note: String(data.get("note") ?? "") };
    const quantity = wholeNumber(values.quantity);
    if (!values.inventory_item_id) return refuseForm("create", m.inventory_choose_item(), values);
    if (!(ADJUSTMENT_REASONS as readonly string[]).includes(values.reason)) return refuseForm("create", m.inventory_bad_reason(), values);
    if (quantity === null || quantity === 0) return refuseForm("create", m.inventory_bad_quantity(), values);
    return inventoryAction("create", async () => {
      const row = await inventoryApi(commerce).createAdjustment({
        inventory_item_id: values.inventory_item_id, reason: values.reason as (typeof ADJUSTMENT_REASONS)[number], quantity, note: values.note || null,
        idempotency_key: formIdempotencyKey(data, "adjust"),
      });
      return m.inventory_stock_adjusted_by({ delta: `${row.quantity_delta > 0 ? "+" : ""}${row.quantity_delta}` });
    }, values);
  },
};
