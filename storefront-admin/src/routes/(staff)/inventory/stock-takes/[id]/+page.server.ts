import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import type { Actions, PageServerLoad } from "./$types";
import { m } from "$lib/paraglide/messages.js";

export const load: PageServerLoad = async ({ locals, params }) => {
  const { commerce } = requireRole(locals, MANAGERS);
  try {
    return { take: await inventoryApi(commerce).getStockTake(params.id) };
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.message });
  }
};

export const actions: Actions = {
  /** A scanned or typed code adds one; a number typed against a line sets that line's count. */
  count: async ({ locals, params, request }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    const data = await request.formData();
    const code = String(data.get("code") ?? "").trim();
    const lineId = String(data.get("line_id") ?? "");
    const api = inventoryApi(commerce);
    if (lineId) {
      const quantity = wholeNumber(data.get("counted"));
      if (quantity === null || quantity < 0) return refuseForm("count", m.inventory_bad_count());
      return inventoryAction("count", async () => {
        const take = await api.recordStockTakeCount(params.id, { line_id: lineId, mode: "set", quantity });
        return m.inventory_line_counted({ title: take.lines.find((l) => l.id === lineId)?.title ?? m.inventory_item(), count: quantity });
      });
    }
    if (!code) return refuseForm("count", m.inventory_scan_or_type());
    return inventoryAction("count", async () => {
      const take = await api.recordStockTakeCount(params.id, { code, mode: "add", quantity: 1 });
      const line = take.lines.find((l) => l.barcode?.toLowerCase() === code.toLowerCase() || l.sku?.toLowerCase() === code.toLowerCase());
      return line ? m.inventory_line_count_total({ title: line.title, count: line.counted_quantity ?? 0 }) : m.inventory_counted_code({ code });
    });
  },
  post: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    return inventoryAction("post", async () => {
      const take = await inventoryApi(commerce).postStockTake(params.id);
      const n = take.review.variances.length;
      return n ? (n === 1 ? m.inventory_posted_one({ count: n }) : m.inventory_posted_many({ count: n })) : m.inventory_posted_all_matched();
    });
  },
  cancel: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    return inventoryAction("post", async () => {
      await inventoryApi(commerce).cancelStockTake(params.id);
      return m.inventory_take_cancelled_msg();
    });
  },
};
