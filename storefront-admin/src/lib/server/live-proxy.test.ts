import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acceptsEventStream, LIVE_STREAM_HEADERS, relayStream, resumePoint, upstreamRequest } from "./live-proxy";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** An upstream stream the test writes into, recording whether it was cancelled. */
function upstream() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const state = { cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (state.cancelled = true),
  });
  return { stream, state, push: (text: string) => controller.enqueue(enc.encode(text)), end: () => controller.close(), fail: () => controller.error(new Error("socket hang up")) };
}

describe("resume point", () => {
  const h = (init: Record<string, string> = {}) => new Headers(init);
  const q = (s = "") => new URLSearchParams(s);

  it("prefers the browser's Last-Event-ID, then ?after=", () => {
    expect(resumePoint(h({ "last-event-id": "42" }), q("after=7"))).toBe("42");
    expect(resumePoint(h(), q("after=7"))).toBe("7");
    expect(resumePoint(h(), q())).toBeNull();
  });

  it("takes only plain seq numbers", () => {
    expect(resumePoint(h({ "last-event-id": "12; DROP" }), q("after=-1"))).toBeNull();
    expect(resumePoint(h({ "last-event-id": "" }), q("after=0009"))).toBe("9");
    expect(resumePoint(h(), q("after=1e9"))).toBeNull();
    expect(resumePoint(h(), q(`after=${"9".repeat(30)}`))).toBeNull();
  });

  it("asks commerce from the resume point, uncompressed", () => {
    expect(upstreamRequest(null)).toEqual({ path: "/admin/live", headers: expect.objectContaining({ accept: "text/event-stream", "accept-encoding": "identity" }) });
    const resumed = upstreamRequest("42");
    expect(resumed.path).toBe("/admin/live?after=42");
    expect(resumed.headers["last-event-id"]).toBe("42");
  });
});

describe("who gets a stream", () => {
  it("answers EventSource (text/event-stream), not page loads", () => {
    expect(acceptsEventStream("text/event-stream")).toBe(true);
    expect(acceptsEventStream("text/html, text/event-stream;q=0.9")).toBe(true);
    expect(acceptsEventStream("text/html,application/json")).toBe(false);
    expect(acceptsEventStream("*/*")).toBe(false);
    expect(acceptsEventStream(null)).toBe(false);
  });

  it("tells proxies not to buffer or cache it", () => {
    expect(LIVE_STREAM_HEADERS["content-type"]).toMatch(/^text\/event-stream/);
    expect(LIVE_STREAM_HEADERS["cache-control"]).toContain("no-cache");
    expect(LIVE_STREAM_HEADERS["x-accel-buffering"]).toBe("no");
  });
});

describe("relay", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("passes each frame on as it arrives", async () => {
    const up = upstream();
    const abort = vi.fn();
    const reader = relayStream(up.stream, { maxMs: 60_000, abort }).getReader();
    up.push("id: 1\nevent: change\ndata: {}\n\n");
    expect(dec.decode((await reader.read()).value)).toBe("id: 1\nevent: change\ndata: {}\n\n");
    const next = reader.read();
    up.push(": ping\n\n");
    expect(dec.decode((await next).value)).toBe(": ping\n\n");
    expect(abort).not.toHaveBeenCalled();
  });

  it("ends the request to commerce when the browser goes away", async () => {
    const up = upstream();
    const abort = vi.fn();
    const relay = relayStream(up.stream, { maxMs: 60_000, abort });
    await relay.cancel();
    expect(abort).toHaveBeenCalledTimes(1);
    expect(up.state.cancelled).toBe(true);
  });

  it("ends itself after the maximum time, so the browser reconnects on a fresh token", async () => {
    const up = upstream();
    const abort = vi.fn();
    const reader = relayStream(up.stream, { maxMs: 300_000, abort }).getReader();
    const pending = reader.read();
    await vi.advanceTimersByTimeAsync(300_000);
    expect((await pending).done).toBe(true);
    expect(abort).toHaveBeenCalledTimes(1);
    expect(up.state.cancelled).toBe(true);
  });

  it("ends cleanly when commerce closes or drops the stream", async () => {
    for (const how of ["end", "fail"] as const) {
      const up = upstream();
      const abort = vi.fn();
      const reader = relayStream(up.stream, { maxMs: 60_000, abort }).getReader();
      up.push("data: x\n\n");
      await reader.read();
      const pending = reader.read();
      up[how]();
      expect((await pending).done, how).toBe(true);
      expect(abort, how).toHaveBeenCalledTimes(1);
    }
  });
});
