import { redirect } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryAction, inventoryApi } from "$lib/server/inventory";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    return { takes: await inventoryApi(commerce).listStockTakes(), problem: null };
  } catch (err) {
    return { takes: [], problem: commerceProblem(err).message };
  }
};

export const actions: Actions = {
  open: async ({ locals, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const note = String((await request.formData()).get("note") ?? "").trim();
    let id = "";
    const result = await inventoryAction("open", async () => {
      id = (await inventoryApi(commerce).createStockTake({ note: note || null })).id;
      return m.inventory_take_opened();
    });
    if (id) redirect(303, `/inventory/stock-takes/${id}`);
    return result;
  },
};
