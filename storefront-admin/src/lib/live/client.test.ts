import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveClient, RESUME_OVERLAP, type EventSourceLike, type LiveState } from "./client";

class FakeSource implements EventSourceLike {
  readonly listeners = new Map<string, ((event: { data?: unknown }) => void)[]>();
  closed = false;
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data?: unknown) {
    for (const l of this.listeners.get(type) ?? []) l({ data: data === undefined ? undefined : JSON.stringify(data) });
  }
}

const change = (seq: number, topic = "job", id = "rjob_1", extra: Record<string, unknown> = {}) => ({ seq, topic, id, action: "updated", at: "2026-12-07T04:00:00Z", ...extra });

function setup(staffId: string | null = "user_me") {
  const sources: FakeSource[] = [];
  const invalidated: string[][] = [];
  const invalidateAll = vi.fn(async () => {});
  const states: LiveState[] = [];
  const client = new LiveClient({
    staffId,
    connect: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    invalidate: async (keys) => void invalidated.push([...keys]),
    invalidateAll,
    onState: (s) => states.push(s),
    random: () => 0.5,
  });
  const last = () => sources.at(-1)!;
  return { client, sources, invalidated, invalidateAll, states, last };
}

describe("live client", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("connects without a resume point first, then invalidates the changed topics, batched", async () => {
    const { client, last, invalidated, states } = setup();
    client.start();
    expect(last().url).toBe("/live");
    last().emit("open");
    last().emit("ready", { seq: 40 });
    last().emit("change", change(41, "job"));
    last().emit("change", change(42, "stock", "variant_1"));
    last().emit("change", change(43, "job", "rjob_2"));
    await vi.advanceTimersByTimeAsync(200);
    expect(invalidated).toEqual([["live:job", "live:stock"]]);
    expect(client.lastSeq).toBe(43);
    expect(states).toEqual(["connecting", "live"]);
  });

  it("reconnects after a cut from just before the last seen seq, so changes made meanwhile arrive", async () => {
    const { client, sources, last, invalidated } = setup();
    client.start();
    last().emit("open");
    last().emit("ready", { seq: 100 });
    last().emit("change", change(111));
    last().emit("error");
    expect(sources[0]!.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources).toHaveLength(2);
    expect(last().url).toBe(`/live?after=${111 - RESUME_OVERLAP}`);
    last().emit("open");
    // The replay overlaps what was seen: seq 111 is not delivered twice.
    const seen: number[] = [];
    client.on("job", (c) => seen.push(c.seq));
    last().emit("change", change(111));
    last().emit("change", change(112));
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([112]);
    expect(invalidated.flat()).toContain("live:job");
  });

  it("delivers changes that arrive out of seq order (two writes committing the other way round)", () => {
    const { client, last } = setup();
    const seen: number[] = [];
    client.on("job", (c) => seen.push(c.seq));
    client.start();
    last().emit("ready", { seq: 10 });
    last().emit("change", change(12));
    last().emit("change", change(11));
    last().emit("change", change(12));
    expect(seen).toEqual([12, 11]);
    expect(client.lastSeq).toBe(12);
    client.pause();
    client.start();
    expect(last().url).toBe("/live?after=0");
  });

  it("reports a short cut (the proxy's periodic hand-over) as still live, a longer one as reconnecting", async () => {
    const { client, last, states } = setup();
    client.start();
    last().emit("open");
    last().emit("error");
    await vi.advanceTimersByTimeAsync(1000);
    last().emit("open");
    expect(client.state).toBe("live");
    last().emit("error");
    for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(1000 * 2 ** i);
    expect(client.state).toBe("reconnecting");
    last().emit("open");
    expect(states).toEqual(["connecting", "live", "reconnecting", "live"]);
  });

  it("backs off while commerce stays away, and starts again at 1 s once it answers", async () => {
    const { client, sources, last } = setup();
    client.start();
    last().emit("error");
    await vi.advanceTimersByTimeAsync(999);
    expect(sources).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    last().emit("error");
    await vi.advanceTimersByTimeAsync(1999);
    expect(sources).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources).toHaveLength(3);
    last().emit("open");
    last().emit("error");
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources).toHaveLength(4);
  });

  it("reloads everything on reset and resumes from the seq it names", async () => {
    const { client, last, invalidateAll } = setup();
    client.start();
    last().emit("open");
    last().emit("ready", { seq: 5 });
    last().emit("reset", { seq: 900 });
    expect(invalidateAll).toHaveBeenCalledTimes(1);
    expect(client.lastSeq).toBe(900);
    last().emit("reset");
    expect(client.lastSeq).toBeNull();
  });

  it("reloads everything when a reconnect lands on `ready` after changes were seen", () => {
    const { client, last, invalidateAll } = setup();
    client.start();
    last().emit("ready", { seq: 5 });
    expect(invalidateAll).not.toHaveBeenCalled();
    last().emit("ready", { seq: 9 });
    expect(invalidateAll).toHaveBeenCalledTimes(1);
    expect(client.lastSeq).toBe(9);
  });

  it("tells listeners whose change it was, and ignores events of a source it already closed", () => {
    const { client, sources, last } = setup("user_me");
    const got: { seq: number; mine?: boolean }[] = [];
    client.on("job", (c) => got.push({ seq: c.seq, mine: c.mine }));
    client.on("stock", () => got.push({ seq: -1 }));
    client.start();
    last().emit("change", change(1, "job", "rjob_1", { actor: "user_me" }));
    last().emit("change", change(2, "job", "rjob_1", { actor: "user_other" }));
    last().emit("error");
    sources[0]!.emit("change", change(3));
    expect(got).toEqual([
      { seq: 1, mine: true },
      { seq: 2, mine: false },
    ]);
  });

  it("gives the connection back when paused and resumes after the last seq", async () => {
    const { client, sources, last } = setup();
    client.start();
    last().emit("open");
    last().emit("ready", { seq: 70 });
    client.pause();
    expect(sources[0]!.closed).toBe(true);
    expect(client.state).toBe("paused");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sources).toHaveLength(1);
    client.start();
    expect(last().url).toBe("/live?after=50");
  });

  it("stops for good, dropping a pending reconnect", async () => {
    const { client, sources, last } = setup();
    client.start();
    last().emit("error");
    client.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sources).toHaveLength(1);
    expect(client.state).toBe("idle");
  });
});
