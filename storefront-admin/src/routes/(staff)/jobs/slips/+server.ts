import { error } from "@sveltejs/kit";
import { REPAIR_DESK } from "@voltura/domain";
import { REPAIR_BULK_MAX_JOBS } from "@voltura/contracts";
import { PDFDocument } from "pdf-lib";
import { commerceProblem } from "$lib/server/commerce";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { requireRole } from "$lib/server/guard";
import type { RequestHandler } from "./$types";

const LAYOUTS = new Set(["a5", "thermal80"]);

/**
 * GET /jobs/slips?ids=<id>&ids=<id>…&layout=a5|thermal80: the intake slips of the selected jobs
 * (each the job's own slip document from commerce) joined into one PDF, opened inline to print.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
  const { staff } = requireRole(locals, REPAIR_DESK);
  const ids = [...new Set(url.searchParams.getAll("ids").filter((id) => /^[\w-]{1,100}$/.test(id)))];
  if (!ids.length) error(400, { message: "Select the jobs whose slips to print." });
  if (ids.length > REPAIR_BULK_MAX_JOBS) error(400, { message: `Print at most ${REPAIR_BULK_MAX_JOBS} slips at once.` });
  const layout = url.searchParams.get("layout") ?? "a5";
  if (!LAYOUTS.has(layout)) error(400, { message: "Choose the A5 or the 80 mm slip" });

  const merged = await PDFDocument.create();
  for (const id of ids) {
    let res: Response;
    try {
      res = await commerceFetch(staff, `/admin/repair-jobs/${encodeURIComponent(id)}/documents/slip?layout=${layout}`, { headers: { accept: "application/pdf" } });
    } catch (err) {
      error(503, { message: commerceProblem(err).message });
    }
    if (!res.ok) {
      const problem = commerceProblem(await commerceErrorFrom(res));
      error(problem.status >= 500 ? 503 : problem.status, { message: problem.message });
    }
    const slip = await PDFDocument.load(await res.arrayBuffer());
    for (const pageOfSlip of await merged.copyPages(slip, slip.getPageIndices())) merged.addPage(pageOfSlip);
  }
  return new Response(new Uint8Array(await merged.save()), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="intake-slips-${ids.length}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
};
