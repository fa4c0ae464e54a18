import { error } from "@sveltejs/kit";
import { MANAGERS } from "@voltura/domain";
import { customerDataExportPath } from "@voltura/contracts";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { commerceProblem } from "$lib/server/commerce";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

/** The PDPA export (?format=json|pdf) of one customer, as a download; commerce records and audits it. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
  const { staff } = requireRole(locals, MANAGERS);
  const format = url.searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "pdf") error(400, { message: "format must be json or pdf" });
  try {
    const res = await commerceFetch(staff, customerDataExportPath(params.id, format));
    if (!res.ok) throw await commerceErrorFrom(res);
    return new Response(await res.arrayBuffer(), {
      headers: {
        "content-type": format === "pdf" ? "application/pdf" : "application/json",
        "content-disposition": res.headers.get("content-disposition") ?? `attachment; filename="customer-${params.id}.${format}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status, { message: problem.message });
  }
};
