import { randomUUID } from "node:crypto";
import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { formIdempotencyKey } from "$lib/server/form-key";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    return { po: await inventoryApi(commerce).getPurchaseOrder(params.id), formKey: randomUUID() };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.message });
  }
};

export const actions: Actions = {
  send: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    return inventoryAction("status", async () => m.inventory_po_marked_sent({ number: (await inventoryApi(commerce).sendPurchaseOrder(params.id)).po_number }));
  },
  cancel: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    return inventoryAction("status", async () => m.inventory_po_cancelled_msg({ number: (await inventoryApi(commerce).cancelPurchaseOrder(params.id)).po_number }));
  },
  receive: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const ids = data.getAll("line_id").map(String);
    const quantities = data.getAll("receive_quantity");
    const lines: Array<{ line_id: string; quantity: number }> = [];
    for (const [i, line_id] of ids.entries()) {
      const raw = quantities[i];
      if (typeof raw === "string" && raw.trim() === "") continue;
      const quantity = wholeNumber(raw ?? null);
      if (quantity === null || quantity < 0) return refuseForm("receive", m.inventory_line_bad_received({ n: i + 1 }));
      if (quantity > 0) lines.push({ line_id, quantity });
    }
    if (!lines.length) return refuseForm("receive", m.inventory_receive_need_qty());
    return inventoryAction("receive", async () => {
      const po = await inventoryApi(commerce).receivePurchaseOrder(params.id, { lines, note: String(data.get("note") ?? "") || null, idempotency_key: formIdempotencyKey(data, "receive") });
      const units = lines.reduce((s, l) => s + l.quantity, 0);
      return po.status === "received" ? (units === 1 ? m.inventory_received_one_complete({ count: units }) : m.inventory_received_many_complete({ count: units })) : (units === 1 ? m.inventory_received_one_partial({ count: units }) : m.inventory_received_many_partial({ count: units }));
    });
  },
};
