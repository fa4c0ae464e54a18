import { describe, expect, it } from "vitest";
import {
  decideLiveResume,
  LIVE_EVENT_NAMES,
  LIVE_EVENTS,
  LIVE_REPLAY_LIMIT,
  LIVE_TOPIC_READERS,
  LIVE_TOPICS,
  liveChangeFor,
  liveFrame,
  liveResumePoint,
  liveTopicReadable,
} from "./live.js";

describe("liveChangeFor", () => {
  it("maps a job event to one job change", () => {
    expect(liveChangeFor("repair_job.status_changed", { id: "rjob_1", from: "pending", to: "in_progress" })).toEqual([
      { topic: "job", entity_id: "rjob_1", action: "status_changed" },
    ]);
    expect(liveChangeFor("repair_job.updated", { id: "rjob_1", fields: ["technician_id"] })).toEqual([{ topic: "job", entity_id: "rjob_1", action: "assigned" }]);
    expect(liveChangeFor("repair_job.updated", { id: "rjob_1", fields: ["priority"] })[0]!.action).toBe("updated");
  });
  it("adds a stock change per item an event names", () => {
    expect(liveChangeFor("pos.sale.completed", { id: "psale_1", item_ids: ["iitem_a", "iitem_b"] })).toEqual([
      { topic: "sale", entity_id: "psale_1", action: "completed" },
      { topic: "stock", entity_id: "iitem_a", action: "sale" },
      { topic: "stock", entity_id: "iitem_b", action: "sale" },
    ]);
    expect(liveChangeFor(LIVE_EVENTS.stockChanged, { item_ids: ["iitem_a", 3, ""] })).toEqual([{ topic: "stock", entity_id: "iitem_a", action: "changed" }]);
  });
  it("maps WhatsApp events to the message and its conversation (by phone)", () => {
    expect(liveChangeFor("whatsapp.message.received", { message_id: "wa_msg_1", phone: "+60123456789" })).toEqual([
      { topic: "message", entity_id: "wa_msg_1", action: "received" },
      { topic: "conversation", entity_id: "+60123456789", action: "message_received" },
    ]);
    expect(liveChangeFor("whatsapp.message.status", { message_id: "wa_msg_1", status: "read" })).toEqual([{ topic: "message", entity_id: "wa_msg_1", action: "read" }]);
  });
  it("maps handoffs, merges, campaigns, emergency stop and documents", () => {
    expect(liveChangeFor(LIVE_EVENTS.handoffOpened, { id: "hand_1", phone: "+60123" }).map((c) => c.topic)).toEqual(["handoff", "conversation"]);
    expect(liveChangeFor(LIVE_EVENTS.handoffChanged, { id: "hand_1", phone: "+60123", action: "closed" })).toEqual([
      { topic: "handoff", entity_id: "hand_1", action: "closed" },
      { topic: "conversation", entity_id: "+60123", action: "handoff_closed" },
    ]);
    expect(liveChangeFor(LIVE_EVENTS.customersMerged, { kept_id: "cus_a", merged_id: "cus_b" })).toEqual([
      { topic: "customer", entity_id: "cus_a", action: "merged" },
      { topic: "customer", entity_id: "cus_b", action: "merged_away" },
    ]);
    expect(liveChangeFor(LIVE_EVENTS.campaignStatusChanged, { id: "wcmp_1", from: "running", to: "paused" })[0]!.action).toBe("paused");
    expect(liveChangeFor(LIVE_EVENTS.campaignEmergencyStop, { stopped: true })).toEqual([{ topic: "campaign", entity_id: "emergency_stop", action: "stopped" }]);
    expect(liveChangeFor(LIVE_EVENTS.invoiceChanged, { id: "sinv_1", action: "paid" })).toEqual([{ topic: "invoice", entity_id: "sinv_1", action: "paid" }]);
  });
  it("gives nothing for an unknown event, missing data or a missing id", () => {
    expect(liveChangeFor("product.created", { id: "prod_1" })).toEqual([]);
    expect(liveChangeFor("repair_job.created", null)).toEqual([]);
    expect(liveChangeFor("repair_job.created", { id: 42 })).toEqual([]);
  });
  it("listens to every mapped event and to no duplicate", () => {
    expect(new Set(LIVE_EVENT_NAMES).size).toBe(LIVE_EVENT_NAMES.length);
    for (const name of Object.values(LIVE_EVENTS)) expect(LIVE_EVENT_NAMES).toContain(name);
  });
});

describe("LIVE_TOPIC_READERS", () => {
  it("names readers for every topic, following the lists' route access", () => {
    for (const topic of LIVE_TOPICS) expect(LIVE_TOPIC_READERS[topic].length).toBeGreaterThan(0);
    expect(liveTopicReadable("sale", "technician")).toBe(false);
    expect(liveTopicReadable("sale", "cashier")).toBe(true);
    expect(liveTopicReadable("audit", "cashier")).toBe(false);
    expect(liveTopicReadable("audit", "manager")).toBe(true);
    expect(liveTopicReadable("job", "technician")).toBe(true);
    expect(liveTopicReadable("job", null)).toBe(false);
    expect(liveTopicReadable("nonsense", "owner")).toBe(false);
  });
});

describe("resume points", () => {
  it("reads Last-Event-ID before ?after=, digits only", () => {
    expect(liveResumePoint("12", "5")).toBe(12);
    expect(liveResumePoint(undefined, "5")).toBe(5);
    expect(liveResumePoint("abc", undefined)).toBeNull();
    expect(liveResumePoint(undefined, ["7"])).toBe(7);
    expect(liveResumePoint("-1", "1e3")).toBeNull();
  });
  it("replays what is kept, resets what was pruned or never issued", () => {
    expect(decideLiveResume({ resume: null, oldest: 5, newest: 10, pending: 0 })).toBe("ready");
    expect(decideLiveResume({ resume: 4, oldest: 5, newest: 10, pending: 6 })).toBe("replay");
    expect(decideLiveResume({ resume: 3, oldest: 5, newest: 10, pending: 6 })).toBe("reset");
    expect(decideLiveResume({ resume: 10, oldest: null, newest: 10, pending: 0 })).toBe("replay");
    expect(decideLiveResume({ resume: 9, oldest: null, newest: 10, pending: 0 })).toBe("reset");
    expect(decideLiveResume({ resume: 11, oldest: 5, newest: 10, pending: 0 })).toBe("reset");
    expect(decideLiveResume({ resume: 0, oldest: 1, newest: 5000, pending: LIVE_REPLAY_LIMIT + 1 })).toBe("reset");
    expect(decideLiveResume({ resume: 0, oldest: null, newest: 0, pending: 0 })).toBe("replay");
  });
});

describe("liveFrame", () => {
  it("writes one server-sent event with an id when given", () => {
    expect(liveFrame("change", { seq: 3, topic: "job" }, 3)).toBe('id: 3\nevent: change\ndata: {"seq":3,"topic":"job"}\n\n');
    expect(liveFrame("reset", {})).toBe("event: reset\ndata: {}\n\n");
  });
});
