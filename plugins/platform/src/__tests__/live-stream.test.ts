import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { listenConnectionOf } from "../modules/live/service";
import { changeFrame, LiveStream } from "../api/admin/live/stream";
import type { LiveRow } from "../modules/live/store";

class FakeResponse extends EventEmitter {
  statusCode = 0;
  headers: Record<string, string> = {};
  written: string[] = [];
  writableEnded = false;
  destroyed = false;
  writableLength = 0;
  flushed = 0;
  setHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  flushHeaders() {
    this.flushed++;
  }
  write(chunk: string) {
    this.written.push(chunk);
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit("close");
  }
}

const row = (seq: number, topic = "job"): LiveRow => ({ seq, topic, entity_id: `e${seq}`, action: "updated", at: "2026-12-07T00:00:00.000Z" });

function stream(role: string) {
  const res = new FakeResponse();
  const s = new LiveStream(res, role, 60_000);
  s.open();
  return { res, s, changes: () => res.written.filter((w) => w.includes("event: change")) };
}

describe("LiveStream", () => {
  it("opens an unbuffered event stream", () => {
    const { res, s } = stream("manager");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/event-stream/);
    expect(res.headers["x-accel-buffering"]).toBe("no");
    expect(res.headers["cache-control"]).toContain("no-transform");
    expect(res.flushed).toBe(1);
    s.close();
  });

  it("holds live changes during the replay, then sends each seq once, in the role's topics only", () => {
    const { s, changes } = stream("technician");
    s.deliver([row(12), row(13, "sale")]);
    expect(changes()).toEqual([]);
    s.replay([row(11), row(12)]);
    s.goLive();
    expect(changes()).toEqual([changeFrame(row(11)), changeFrame(row(12))]);
    s.deliver([row(14), row(15, "audit"), row(16, "stock")]);
    expect(changes()).toEqual([changeFrame(row(11)), changeFrame(row(12)), changeFrame(row(14)), changeFrame(row(16, "stock"))]);
    s.close();
  });

  it("writes the contract's frame and stops writing once closed by the client", () => {
    expect(changeFrame(row(5))).toBe('id: 5\nevent: change\ndata: {"seq":5,"topic":"job","id":"e5","action":"updated","at":"2026-12-07T00:00:00.000Z"}\n\n');
    const { res, s, changes } = stream("owner");
    s.goLive();
    let ended = 0;
    s.whenEnded(() => ended++);
    res.emit("close");
    s.deliver([row(1)]);
    expect(changes()).toEqual([]);
    expect(ended).toBe(1);
    expect(s.isOpen).toBe(false);
  });

  it("drops a client that stopped reading", () => {
    const { res, s } = stream("owner");
    s.goLive();
    res.writableLength = 2_000_000;
    s.deliver([row(1)]);
    expect(res.writableEnded).toBe(true);
  });
});

describe("listenConnectionOf", () => {
  it("takes the pool's settings, URL or object", () => {
    expect(listenConnectionOf("postgres://a@b/c")).toEqual({ connectionString: "postgres://a@b/c" });
    expect(listenConnectionOf({ connectionString: "postgres://x", ssl: { rejectUnauthorized: false } })).toEqual({ connectionString: "postgres://x", ssl: { rejectUnauthorized: false } });
    expect(() => listenConnectionOf(undefined)).toThrow(/no database connection/);
  });
});
