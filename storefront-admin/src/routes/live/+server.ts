import { json } from "@sveltejs/kit";
import { ALL_STAFF } from "@voltura/domain";
import { commerceProblem } from "$lib/server/commerce";
import { commerceErrorFrom, commerceFetch } from "$lib/server/commerce-raw";
import { requireRole } from "$lib/server/guard";
import { acceptsEventStream, LIVE_STREAM_HEADERS, LIVE_STREAM_MAX_MS, relayStream, resumePoint, upstreamRequest } from "$lib/server/live-proxy";
import type { RequestHandler } from "./$types";

/**
 * GET /live — the staff console's live changes (server-sent events), relayed from commerce's
 * `GET /admin/live` with the signed-in staff member's token, so commerce sends only the topics their
 * role may read. Resumes after `Last-Event-ID` or `?after=`. Read by src/lib/live/live.svelte.ts.
 */
export const GET: RequestHandler = async ({ locals, request, url }) => {
  const { staff } = requireRole(locals, ALL_STAFF);
  const noStore = { "cache-control": "no-store" };
  if (!acceptsEventStream(request.headers.get("accept"))) {
    return json({ message: "This address streams live changes to the console's pages." }, { status: 406, headers: noStore });
  }
  const upstreamAbort = new AbortController();
  const abort = () => upstreamAbort.abort();
  request.signal.addEventListener("abort", abort, { once: true });
  const { path, headers } = upstreamRequest(resumePoint(request.headers, url.searchParams));
  try {
    const upstream = await commerceFetch(staff, path, { headers, signal: upstreamAbort.signal });
    if (!upstream.ok || !upstream.body) throw await commerceErrorFrom(upstream);
    return new Response(relayStream(upstream.body, { maxMs: LIVE_STREAM_MAX_MS, abort }), { headers: LIVE_STREAM_HEADERS });
  } catch (err) {
    abort();
    const problem = commerceProblem(err);
    // The browser retries on its own: a refusal stays a refusal, anything else is "not now".
    const status = problem.status === 401 || problem.status === 403 ? problem.status : 503;
    return json({ message: problem.message }, { status, headers: noStore });
  }
};
