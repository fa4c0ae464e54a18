import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

/** The purchase order PDF from the commerce core, inline and ready to print or send. */
export const GET: RequestHandler = async ({ locals, params }) => {
  const { staff } = requireRole(locals, MANAGERS);
  let res: Response;
  try {
    res = await commerceFetch(staff, `/admin/inventory/purchase-orders/${encodeURIComponent(params.id)}/pdf`, { headers: { accept: "application/pdf" } });
  } catch (err) {
    error(503, { message: commerceProblem(err).message });
  }
  if (!res.ok) {
    const problem = commerceProblem(await commerceErrorFrom(res));
    error(problem.status, { message: problem.message });
  }
  return new Response(res.body, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": res.headers.get("content-disposition") ?? "inline",
      "cache-control": "private, no-store",
    },
  });
};
