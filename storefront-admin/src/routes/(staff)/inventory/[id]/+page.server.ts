import { randomUUID } from "node:crypto";
import { error } from "@sveltejs/kit";
import { ALL_STAFF, MANAGERS, roleAllowed } from "@voltura/domain";
import { ADJUSTMENT_REASONS } from "@voltura/contracts";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { formIdempotencyKey } from "$lib/server/form-key";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce, staff } = requireRole(locals, ALL_STAFF);
  try {
    const detail = await inventoryApi(commerce).getItem(params.id);
    return { ...detail, can: { manage: roleAllowed(staff.role, MANAGERS) }, reasons: ADJUSTMENT_REASONS, formKey: randomUUID() };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status === 400 || problem.status === 404 ? 404 : problem.status, { message: problem.status === 400 ? m.inventory_no_such_item() : problem.message });
  }
};

export const actions: Actions = {
  threshold: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const raw = (await request.formData()).get("low_stock_threshold");
    const value = typeof raw === "string" && raw.trim() === "" ? null : wholeNumber(raw);
    if (value !== null && value < 0) return refuseForm("threshold", m.inventory_bad_threshold());
    if (value === null && typeof raw === "string" && raw.trim() !== "") return refuseForm("threshold", m.inventory_bad_threshold());
    return inventoryAction("threshold", async () => {
      await inventoryApi(commerce).updateItem(params.id, { low_stock_threshold: value });
      return value === null ? m.inventory_threshold_none() : m.inventory_threshold_set({ count: value });
    });
  },
  adjust: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const values = { reason: String(data.get("reason") ?? ""), quantity: String(data.get("quantity") ?? ""), note: String(data.get("note") ?? ""), location_id: String(data.get("location_id") ?? "") };
    const quantity = wholeNumber(values.quantity);
    if (quantity === null || quantity === 0) return refuseForm("adjust", m.inventory_bad_quantity(), values);
    if (!(ADJUSTMENT_REASONS as readonly string[]).includes(values.reason)) return refuseForm("adjust", m.inventory_bad_reason(), values);
    return inventoryAction("adjust", async () => {
      const row = await inventoryApi(commerce).createAdjustment({
        inventory_item_id: params.id, reason: values.reason as (typeof ADJUSTMENT_REASONS)[number], quantity, note: values.note || null, location_id: values.location_id || undefined,
        idempotency_key: formIdempotencyKey(data, "adjust"),
      });
      return m.inventory_adjusted_by({ delta: `${row.quantity_delta > 0 ? "+" : ""}${row.quantity_delta}` });
    }, values);
  },
};
