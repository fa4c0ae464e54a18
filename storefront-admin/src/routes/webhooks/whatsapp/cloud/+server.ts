import { getEnv } from "$lib/server/env";
import type { RequestHandler } from "./$types";

/**
 * Meta's WhatsApp Cloud API webhook (public, see ROUTE_ACCESS): the shop gives Meta
 * `<console URL>/webhooks/whatsapp/cloud`. Commerce checks everything (the verify token, the
 * `X-Hub-Signature-256` HMAC of the exact body bytes), so this forwards verbatim: the query, the raw
 * body and the signature header, nothing parsed or re-encoded, and commerce's answer as it is.
 */
const COMMERCE_PATH = "/webhooks/whatsapp/cloud";
const FORWARDED_HEADERS = ["content-type", "x-hub-signature-256", "user-agent"] as const;

async function forward(request: Request, url: URL, body: ArrayBuffer | undefined): Promise<Response> {
  const target = new URL(COMMERCE_PATH, getEnv().MEDUSA_URL);
  target.search = url.search;
  const headers = new Headers();
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  let answer: Response;
  try {
    answer = await fetch(target, { method: request.method, headers, ...(body ? { body } : {}) });
  } catch {
    // Meta delivers again later; a 503 says so without details.
    return new Response("unavailable", { status: 503, headers: { "content-type": "text/plain", "cache-control": "no-store" } });
  }
  return new Response(await answer.arrayBuffer(), {
    status: answer.status,
    headers: { "content-type": answer.headers.get("content-type") ?? "text/plain", "cache-control": "no-store" },
  });
}

export const GET: RequestHandler = ({ request, url }) => forward(request, url, undefined);

export const POST: RequestHandler = async ({ request, url }) => forward(request, url, await request.arrayBuffer());
