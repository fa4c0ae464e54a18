import { CommerceError } from "@voltura/medusa-client";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "../../routes/live/+server";
import { commerceFetch } from "./commerce-raw";
import { staffLocals } from "./test-doubles";

vi.mock("./commerce-raw", async (importOriginal) => ({ ...(await importOriginal<typeof import("./commerce-raw")>()), commerceFetch: vi.fn() }));
const upstream = vi.mocked(commerceFetch);

const staff = { id: "user_1", email: "t@voltura.test", name: "Tan", role: "technician" } as const;
const locals = staffLocals(staff);

function call(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const request = new Request(url, { headers, signal: controller.signal });
  const answer = GET({ locals, request, url: new URL(url) } as never) as Promise<Response>;
  return { answer, disconnect: () => controller.abort() };
}

describe("GET /live", () => {
  beforeEach(() => upstream.mockReset());

  it("relays commerce's stream as the staff member, resuming where the browser left off", async () => {
    let signal: AbortSignal | undefined;
    upstream.mockImplementation(async (_staff, _path, init) => {
      signal = init?.signal ?? undefined;
      return new Response(new ReadableStream({ start: (c) => c.enqueue(new TextEncoder().encode("event: ready\ndata: {\"seq\":3}\n\n")) }), {
        headers: { "content-type": "text/event-stream" },
      });
    });
    const { answer, disconnect } = call("http://console.test/live?after=2", { accept: "text/event-stream", "last-event-id": "5" });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    expect(upstream).toHaveBeenCalledWith(staff, "/admin/live?after=5", expect.objectContaining({ headers: expect.objectContaining({ "last-event-id": "5" }) }));
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("event: ready");
    expect(signal?.aborted).toBe(false);
    disconnect();
    expect(signal?.aborted).toBe(true);
  });

  it("answers 406 to anything but EventSource, without asking commerce", async () => {
    const res = await call("http://console.test/live", { accept: "text/html,application/json" }).answer;
    expect(res.status).toBe(406);
    expect(upstream).not.toHaveBeenCalled();
  });

  it("says 'not now' (503) when commerce is away or fails, and passes a refusal on", async () => {
    upstream.mockRejectedValueOnce(new CommerceError(503, "not reachable", "unavailable"));
    expect((await call("http://console.test/live", { accept: "text/event-stream" }).answer).status).toBe(503);
    upstream.mockResolvedValueOnce(Response.json({ message: "boom" }, { status: 500 }));
    expect((await call("http://console.test/live", { accept: "text/event-stream" }).answer).status).toBe(503);
    upstream.mockResolvedValueOnce(Response.json({ message: "Not allowed" }, { status: 403 }));
    const refused = await call("http://console.test/live", { accept: "text/event-stream" }).answer;
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ message: "Not allowed" });
  });
});
