import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import { itemChoices } from "$lib/server/inventory-items";
import { parseMoneyInput } from "$lib/repair/money";
import type { Actions, PageServerLoad } from "./$types";

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
    if (!values.name) return refuseForm("create", "Name is required", values);
    return inventoryAction("create", async () => {
      const s = await inventoryApi(commerce).createSupplier({ name: values.name!, contact_name: values.contact_name, phone: values.phone, email: values.email || null, address: values.address });
      return `Added ${s.name}`;
    }, values);
  },
  update: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = text(data, "supplier_id");
    const values = Object.fromEntries(["name", "contact_name", "phone", "email", "address"].map((k) => [k, text(data, k)]));
    if (!supplierId) return refuseForm("create", "Supplier: choose one");
    if (!values.name) return refuseForm(`item-${supplierId}`, "Name is required");
    return inventoryAction(`item-${supplierId}`, async () => {
      const s = await inventoryApi(commerce).updateSupplier(supplierId, { name: values.name, contact_name: values.contact_name, phone: values.phone, email: values.email || null, address: values.address });
      return `Saved ${s.name}`;
    });
  },
  item: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = text(data, "supplier_id");
    if (!supplierId) return refuseForm("create", "Supplier: choose one");
    const cost = parseMoneyInput(text(data, "cost"));
    const lead = wholeNumber(data.get("lead_time_days")) ?? 0;
    if (cost === null) return refuseForm(`item-${supplierId}`, "Cost: enter an amount in RM, e.g. 12.50");
    if (!text(data, "inventory_item_id")) return refuseForm(`item-${supplierId}`, "Item: choose one");
    return inventoryAction(`item-${supplierId}`, async () => {
      await inventoryApi(commerce).setSupplierItem(supplierId, { inventory_item_id: text(data, "inventory_item_id"), cost_sen: cost, lead_time_days: lead, supplier_sku: text(data, "supplier_sku") || null });
      return "Item saved";
    });
  },
  removeItem: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const supplierId = text(data, "supplier_id");
    if (!supplierId || !text(data, "supplier_item_id")) return refuseForm("create", "Supplier item: choose one");
    return inventoryAction(`item-${supplierId}`, async () => {
      await inventoryApi(commerce).removeSupplierItem(supplierId, text(data, "supplier_item_id"));
      return "Item removed";
    });
  },
  delete: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const supplierId = text(await request.formData(), "supplier_id");
    if (!supplierId) return refuseForm("create", "Supplier: choose one");
    return inventoryAction("create", async () => {
      await inventoryApi(commerce).deleteSupplier(supplierId);
      return "Supplier removed";
    });
  },
};
