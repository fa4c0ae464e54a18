import { error } from "@sveltejs/kit";
import { REPAIR_DESK } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

const KINDS = new Set(["slip", "quote", "invoice"]);
const SLIP_LAYOUTS = new Set(["a5", "thermal80"]);
const NOT_READY: Record<string, string> = {
  quote: "There is no quote for this job yet. Send a quote first.",
  invoice: "There is no invoice for this job yet. It is raised when the job is completed.",
  slip: "The intake slip is not available for this job.",
};

/**
 * Streams a job's PDF (intake slip, quote, invoice) from the commerce core with the staff
 * member's token. The browser opens it inline, ready to print.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { staff } = requireRole(locals, REPAIR_DESK);
  if (!KINDS.has(params.kind)) error(404, { message: "There is no such document" });
  const search = new URLSearchParams();
  if (params.kind === "slip") {
    const layout = url.searchParams.get("layout") ?? "a5";
    if (!SLIP_LAYOUTS.has(layout)) error(400, { message: "Choose the A5 or the 80 mm slip" });
    search.set("layout", layout);
  }
  const path = `/admin/repair-jobs/${encodeURIComponent(params.id)}/documents/${params.kind}${search.size ? `?${search}` : ""}`;

  let res: Response;
  try {
    res = await commerceFetch(staff, path, { headers: { accept: "application/pdf" } });
  } catch (err) {
    error(503, { message: commerceProblem(err).message });
  }
  if (!res.ok) {
    const problem = commerceProblem(await commerceErrorFrom(res));
    // A job without a quote / invoice, or a route commerce does not have: say what is missing.
    if (res.status === 404) error(404, { message: /not found/i.test(problem.message) ? NOT_READY[params.kind]! : problem.message });
    error(problem.status >= 500 ? 502 : problem.status, { message: problem.message });
  }
  const filename = res.headers.get("content-disposition") ?? `inline; filename="${params.kind}.pdf"`;
  return new Response(res.body, {
    headers: {
      "content-type": res.headers.get("content-type") ?? "application/pdf",
      "content-disposition": filename.replace(/^attachment/i, "inline"),
      "cache-control": "private, no-store",
    },
  });
};
