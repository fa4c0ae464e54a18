import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import { itemChoices } from "$lib/server/inventory-items";
import { parseMoneyInput } from "$lib/repair/money";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    const [suppliers, items] = await Promise.all([inventoryApi(commerce).listSuppliers(), itemChoices(commerce)]);
    return { suppliers, items, problem: null };
  } catch (err) {
    return { suppliers: [], items: [], problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  create: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const values = Object.fromEntries(["name", "contact_name", "phone", "email", "address"].map((k) => [k, text(data, k)]));
    if (!values.name) return refuseForm("create", m.inventory_name_required(), values);
    return inventoryAction("create", async () => {
      const s = await inventoryApi(commerce).createSupplier({ name: values.name!, contact_name: values.contact_name, phone: values.phone, email: values.email || null, address: values.address });
      return m.inventory_supplier_added({ name: s.name });
    }, values);
  },
  update: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = text(data, "supplier_id");
    const values = Object.fromEntries(["name", "contact_name", "phone", "email", "address"].map((k) => [k, text(data, k)]));
    if (!supplierId) return refuseForm("create", m.inventory_choose_supplier_error());
    if (!values.name) return refuseForm(`item-${supplierId}`, m.inventory_name_required());
    return inventoryAction(`item-${supplierId}`, async () => {
      const s = await inventoryApi(commerce).updateSupplier(supplierId, { name: values.name, contact_name: values.contact_name, phone: values.phone, email: values.email || null, address: values.address });
      return m.inventory_supplier_saved({ name: s.name });
    });
  },
  item: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = text(data, "supplier_id");
    if (!supplierId) return refuseForm("create", m.inventory_choose_supplier_error());
    const cost = parseMoneyInput(text(data, "cost"));
    const lead = wholeNumber(data.get("lead_time_days")) ?? 0;
    if (cost === null) return refuseForm(`item-${supplierId}`, m.inventory_bad_cost());
    if (!text(data, "inventory_item_id")) return refuseForm(`item-${supplierId}`, m.inventory_choose_item());
    return inventoryAction(`item-${supplierId}`, async () => {
      await inventoryApi(commerce).setSupplierItem(supplierId, { inventory_item_id: text(data, "inventory_item_id"), cost_sen: cost, lead_time_days: lead, supplier_sku: text(data, "supplier_sku") || null });
      return m.inventory_item_saved();
    });
  },
  removeItem: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = text(data, "supplier_id");
    if (!supplierId || !text(data, "supplier_item_id")) return refuseForm("create", m.inventory_choose_supplier_item());
    return inventoryAction(`item-${supplierId}`, async () => {
      await inventoryApi(commerce).removeSupplierItem(supplierId, text(data, "supplier_item_id"));
      return m.inventory_item_removed();
    });
  },
  delete: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const supplierId = text(await request.formData(), "supplier_id");
    if (!supplierId) return refuseForm("create", m.inventory_choose_supplier_error());
    return inventoryAction("create", async () => {
      await inventoryApi(commerce).deleteSupplier(supplierId);
      return m.inventory_supplier_removed();
    });
  },
};
