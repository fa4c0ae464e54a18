import { describe, expect, it } from "vitest";
import { CAMPAIGN_HEADER_DEPENDENCY, dependenciesOf, liveDependency, liveRecordDependency, liveStreamUrl, parseLiveChange, parseSeqFrame } from "./protocol";

const frame = (data: Record<string, unknown>) => JSON.stringify({ seq: 12, topic: "job", id: "rjob_1", action: "status_changed", at: "2026-12-07T04:00:00.000Z", ...data });

describe("live change frames", () => {
  it("reads a change as commerce sends it", () => {
    expect(parseLiveChange(frame({}))).toEqual({ seq: 12, topic: "job", id: "rjob_1", action: "status_changed", at: "2026-12-07T04:00:00.000Z" });
  });

  it("tells the staff member's own changes from someone else's when the frame names the actor", () => {
    expect(parseLiveChange(frame({ actor: "user_a" }), "user_a")?.mine).toBe(true);
    expect(parseLiveChange(frame({ actor: "user_b" }), "user_a")?.mine).toBe(false);
    // No actor in the frame (a workflow, or an older commerce): unknown, not "someone else".
    expect(parseLiveChange(frame({}), "user_a")?.mine).toBeUndefined();
    expect(parseLiveChange(frame({ actor: null }), "user_a")?.mine).toBeUndefined();
  });

  it("skips what it does not understand instead of failing", () => {
    expect(parseLiveChange("not json")).toBeNull();
    expect(parseLiveChange(frame({ topic: "spaceship" }))).toBeNull();
    expect(parseLiveChange(frame({ seq: -1 }))).toBeNull();
    expect(parseLiveChange(frame({ seq: "12" }))).toBeNull();
    expect(parseLiveChange("")).toBeNull();
  });

  it("accepts changes without a record id (a topic-wide change)", () => {
    expect(parseLiveChange(frame({ id: null }))?.id).toBeNull();
  });

  it("reads the seq of ready and reset frames", () => {
    expect(parseSeqFrame('{"seq":40}')).toBe(40);
    expect(parseSeqFrame('{"seq":0}')).toBe(0);
    expect(parseSeqFrame("")).toBeNull();
    expect(parseSeqFrame('{"seq":1.5}')).toBeNull();
  });
});

describe("dependencies and URLs", () => {
  it("names a topic's dependency as pages declare it", () => {
    expect(liveDependency("job")).toBe("live:job");
    expect(new URL(liveDependency("stock")).href).toBe("live:stock");
  });

  it("names one record's dependency, apart from the topic's", () => {
    expect(liveRecordDependency("job", "rjob_01H")).toBe("live:job:rjob_01H");
    expect(liveRecordDependency("conversation", "+60123456789")).toBe("live:conversation:%2B60123456789");
    expect(liveRecordDependency("job", "a b")).not.toBe(liveDependency("job"));
  });

  it("resumes after the last seen seq", () => {
    expect(liveStreamUrl(null)).toBe("/live");
    expect(liveStreamUrl(0)).toBe("/live?after=0");
    expect(liveStreamUrl(981)).toBe("/live?after=981");
  });
});

describe("what a change invalidates", () => {
  it("invalidates the change's topic", () => {
    expect(dependenciesOf({ topic: "job", action: "status_changed" })).toEqual(["live:job"]);
    expect(dependenciesOf({ topic: "stock", action: "sale" })).toEqual(["live:stock"]);
  });

  it("reloads the header's campaign state on the stop and status changes, not on progress", () => {
    expect(dependenciesOf({ topic: "campaign", action: "stopped" })).toEqual(["live:campaign", CAMPAIGN_HEADER_DEPENDENCY]);
    expect(dependenciesOf({ topic: "campaign", action: "released" })).toContain(CAMPAIGN_HEADER_DEPENDENCY);
    expect(dependenciesOf({ topic: "campaign", action: "running" })).toContain(CAMPAIGN_HEADER_DEPENDENCY);
    expect(dependenciesOf({ topic: "campaign", action: "progress" })).toEqual(["live:campaign"]);
    expect(dependenciesOf({ topic: "campaign", action: "updated" })).toEqual(["live:campaign"]);
  });
});
