import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { inventoryAction, inventoryApi, refuseForm, wholeNumber } from "$lib/server/inventory";
import type { Actions, PageServerLoad } from "./$types";

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
      if (quantity === null || quantity < 0) return refuseForm("count", "The count is a whole number, 0 or more");
      return inventoryAction("count", async () => {
        const take = await api.recordStockTakeCount(params.id, { line_id: lineId, mode: "set", quantity });
        return `${take.lines.find((l) => l.id === lineId)?.title ?? "Item"}: counted ${quantity}`;
      });
    }
    if (!code) return refuseForm("count", "Scan a barcode or type a SKU");
    return inventoryAction("count", async () => {
      const take = await api.recordStockTakeCount(params.id, { code, mode: "add", quantity: 1 });
      const line = take.lines.find((l) => l.barcode?.toLowerCase() === code.toLowerCase() || l.sku?.toLowerCase() === code.toLowerCase());
      return line ? `${line.title}: ${line.counted_quantity} counted` : `Counted ${code}`;
    });
  },
  post: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    return inventoryAction("post", async () => {
      const take = await inventoryApi(commerce).postStockTake(params.id);
      const n = take.review.variances.length;
      return n ? `Posted ${n} ${n === 1 ? "difference" : "differences"} to the ledger` : "Posted: every count matched";
    });
  },
  cancel: async ({ locals, params }) => {
    const { commerce } = requireRole(locals, MANAGERS);
    return inventoryAction("post", async () => {
      await inventoryApi(commerce).cancelStockTake(params.id);
      return "Stock take cancelled; nothing was posted";
    });
  },
};
