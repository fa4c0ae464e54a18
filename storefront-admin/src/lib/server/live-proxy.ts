import { liveResumePoint } from "@voltura/domain";

/**
 * The console's `GET /live`: commerce's live stream (`GET /admin/live`), relayed as it comes with the
 * staff member's own token. The relay ends itself after `LIVE_STREAM_MAX_MS` (the browser reconnects
 * after the last seq it saw), so a signed-out or deactivated staff member stops receiving changes within
 * minutes and every stream runs on a fresh short-lived token.
 */

export const LIVE_STREAM_MAX_MS = 5 * 60_000;

export const LIVE_STREAM_HEADERS: Readonly<Record<string, string>> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  // nginx and other proxies in front of the console: pass each frame on at once.
  "x-accel-buffering": "no",
};

/** Where the stream resumes: the browser's `Last-Event-ID` header, else `?after=`; null for "from now". */
export function resumePoint(headers: Headers, query: URLSearchParams): string | null {
  const seq = liveResumePoint(headers.get("last-event-id"), query.get("after"));
  return seq === null ? null : String(seq);
}

/** EventSource always asks for `text/event-stream`; a plain page load or a link preview does not. */
export function acceptsEventStream(accept: string | null): boolean {
  return (accept ?? "").split(",").some((part) => part.split(";")[0]!.trim().toLowerCase() === "text/event-stream");
}

/** Commerce's path and headers for a stream resuming at `resume`. */
export function upstreamRequest(resume: string | null): { path: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { accept: "text/event-stream", "accept-encoding": "identity", "cache-control": "no-cache" };
  if (resume === null) return { path: "/admin/live", headers };
  return { path: `/admin/live?after=${resume}`, headers: { ...headers, "last-event-id": resume } };
}

/**
 * Passes `upstream` on chunk by chunk (read only when the browser has taken the previous one, so nothing
 * piles up), ends it after `maxMs`, and calls `abort` (which ends the request to commerce) whenever the
 * relay ends: the browser went away, the time is up, or commerce closed the stream.
 */
export function relayStream(
  upstream: ReadableStream<Uint8Array>,
  { maxMs, abort, setTimer = setTimeout, clearTimer = clearTimeout }: {
    maxMs: number;
    abort: () => void;
    setTimer?: (fn: () => void, ms: number) => ReturnType<typeof setTimeout>;
    clearTimer?: (timer: ReturnType<typeof setTimeout>) => void;
  },
): ReadableStream<Uint8Array> {
  const reader = upstream.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    if (timer !== undefined) clearTimer(timer);
    reader.cancel().catch(() => {});
    abort();
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        timer = setTimer(() => {
          finish();
          try {
            controller.close();
          } catch {
            // already closed
          }
        }, maxMs);
      },
      async pull(controller) {
        if (finished) return;
        try {
          const { done, value } = await reader.read();
          if (finished) return;
          if (done) {
            finish();
            controller.close();
          } else controller.enqueue(value);
        } catch {
          if (finished) return;
          finish();
          // Commerce went away mid-stream: end cleanly, the browser reconnects after its last seq.
          controller.close();
        }
      },
      cancel() {
        finish();
      },
    },
    { highWaterMark: 0 },
  );
}
