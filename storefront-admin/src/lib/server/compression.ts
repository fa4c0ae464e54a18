import { Readable, pipeline } from "node:stream";
import { constants, createGzip } from "node:zlib";

/**
 * Gzip for the pages and data the console renders (the built assets under /_app are served
 * pre-compressed by adapter-node before the hooks run). A list page's HTML is 50-150 kB; gzipped it is
 * a tenth of that, which a phone on a slow line notices. Each chunk is flushed as it comes, so a page
 * that streams its data still shows its first part at once; live updates (text/event-stream) are left alone.
 */
const COMPRESSIBLE_TYPES = /^(text\/html|application\/json)\b/i;
const MIN_BYTES = 1024;

function acceptsGzip(acceptEncoding: string | null): boolean {
  return (acceptEncoding ?? "").split(",").some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (name === "gzip" || name === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

export function shouldCompress(method: string, requestHeaders: Headers, response: Response): boolean {
  if (method === "HEAD" || !response.body || response.headers.has("content-encoding")) return false;
  if (!COMPRESSIBLE_TYPES.test(response.headers.get("content-type") ?? "")) return false;
  const length = response.headers.get("content-length");
  if (length !== null && Number(length) < MIN_BYTES) return false;
  return acceptsGzip(requestHeaders.get("accept-encoding"));
}

export function gzipResponse(response: Response): Response {
  const gzip = createGzip({ flush: constants.Z_SYNC_FLUSH });
  const source = Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
  // node:stream/web's ReadableStream and the DOM lib's are one class at run time but two unrelated declarations.
  const body = Readable.toWeb(pipeline(source, gzip, () => {})) as unknown as ReadableStream<Uint8Array>;
  const headers = new Headers(response.headers);
  headers.set("content-encoding", "gzip");
  headers.delete("content-length");
  headers.append("vary", "Accept-Encoding");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
