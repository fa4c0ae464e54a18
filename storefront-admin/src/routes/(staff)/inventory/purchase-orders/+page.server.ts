import { redirect } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import { itemChoices } from "$lib/server/inventory-items";
import { parseMoneyInput } from "$lib/repair/money";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  const api = inventoryApi(commerce);
  try {
    const [orders, suppliers, items] = await Promise.all([api.listPurchaseOrders(), api.listSuppliers(), itemChoices(commerce)]);
    return { orders, suppliers: suppliers.map((s) => ({ id: s.id, name: s.name, items: s.items })), items, problem: null };
  } catch (err) {
    return { orders: [], suppliers: [], items: [], problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = String(data.get("supplier_id") ?? "");
    const items = data.getAll("line_item").map(String);
    const quantities = data.getAll("line_quantity");
    const costs = data.getAll("line_cost").map(String);
    const lines: Array<{ inventory_item_id: string; quantity: number; unit_cost_sen: number }> = [];
    for (const [i, item] of items.entries()) {
      if (!item) continue;
      const quantity = wholeNumber(quantities[i] ?? null);
      const cost = parseMoneyInput(costs[i]);
      if (quantity === null || quantity < 1) return refuseForm("create", m.inventory_line_bad_quantity({ n: i + 1 }));
      if (cost === null) return refuseForm("create", m.inventory_line_bad_cost({ n: i + 1 }));
      lines.push({ inventory_item_id: item, quantity, unit_cost_sen: cost });
    }
    if (!supplierId) return refuseForm("create", m.inventory_choose_supplier_error());
    if (!lines.length) return refuseForm("create", m.inventory_add_one_line());
    let id = "";
    const result = await inventoryAction("create", async () => {
      const po = await inventoryApi(commerce).createPurchaseOrder({ supplier_id: supplierId, note: String(data.get("note") ?? "") || null, lines });
      id = po.id;
      return m.inventory_po_created({ number: po.po_number });
    });
    if (id) redirect(303, `/inventory/purchase-orders/${id}`);
    return result;
  },
};
