import { error } from "@sveltejs/kit";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import { COUNTER_STAFF } from "$lib/server/pos";
import type { RequestHandler } from "./$types";

const LAYOUTS = ["thermal80", "a5", "a4"];

/** The receipt PDF from commerce (?layout=thermal80|a5|a4), streamed to the browser. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { staff } = requireRole(locals, COUNTER_STAFF);
  const layout = url.searchParams.get("layout") ?? "thermal80";
  if (!LAYOUTS.includes(layout)) error(400, { message: `layout must be one of ${LAYOUTS.join(", ")}` });
  try {
    const res = await commerceFetch(staff, `/admin/pos/sales/${encodeURIComponent(params.id)}/receipt?layout=${layout}`);
    if (!res.ok) throw await commerceErrorFrom(res);
    return new Response(await res.arrayBuffer(), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": res.headers.get("content-disposition") ?? "inline",
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.message });
  }
};
