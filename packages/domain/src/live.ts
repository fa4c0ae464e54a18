import type { StaffRole } from "./roles.js";
import { ALL_STAFF, MANAGERS } from "./roles.js";

/**
 * Live updates: every change staff should see without reloading is one row of `live_event`
 * (a **live change**: seq, topic, entity id, action), written from an event-bus event and pushed
 * to open consoles over `GET /admin/live` (server-sent events).
 */
export const LIVE_TOPICS = [
  "job", "customer", "stock", "sale", "quotation", "invoice", "campaign", "conversation", "message", "handoff", "audit", "maintenance",
] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

const COUNTER: readonly StaffRole[] = ["owner", "manager", "cashier"];

/**
 * Who receives a topic's changes: the roles that may open the matching list (access policy).
 * Campaigns go to every role because the emergency-stop state shows in every staff member's header.
 */
export const LIVE_TOPIC_READERS: Record<LiveTopic, readonly StaffRole[]> = {
  job: ALL_STAFF,
  customer: ALL_STAFF,
  stock: ALL_STAFF,
  sale: COUNTER,
  quotation: COUNTER,
  invoice: COUNTER,
  campaign: ALL_STAFF,
  conversation: ALL_STAFF,
  message: ALL_STAFF,
  handoff: ALL_STAFF,
  audit: MANAGERS,
  maintenance: ALL_STAFF,
};

export function liveTopicReadable(topic: string, role: string | null | undefined): boolean {
  const readers = (LIVE_TOPIC_READERS as Record<string, readonly string[] | undefined>)[topic];
  return !!role && !!readers && readers.includes(role);
}

/** The PostgreSQL channel a recorded change is announced on (payload: its seq). */
export const LIVE_CHANNEL = "voltura_live";
/** How long live changes are kept for a reconnecting console to catch up. */
export const LIVE_RETENTION_HOURS = 24;
/** A resume point further back than this many changes gets `reset` instead of a replay. */
export const LIVE_REPLAY_LIMIT = 1000;
export const LIVE_HEARTBEAT_MS = 15_000;

export interface LiveChange {
  topic: LiveTopic;
  entity_id: string;
  action: string;
}

/** Events emitted only so that a change shows live (the others are emitted for their own subscribers too). */
export const LIVE_EVENTS = {
  repairLinesChanged: "repair_job.lines_changed",
  repairPhotoRemoved: "repair_job.photo_removed",
  repairQuoteSent: "repair_job.quote_sent",
  posSalePaid: "pos.sale.paid",
  stockChanged: "procurement.stock.changed",
  campaignCreated: "campaign.created",
  campaignUpdated: "campaign.updated",
  campaignStatusChanged: "campaign.status_changed",
  campaignProgress: "campaign.progress",
  campaignEmergencyStop: "campaign.emergency_stop_changed",
  handoffOpened: "concierge.handoff.opened",
  handoffChanged: "concierge.handoff.changed",
  customerUpdated: "crm.customer.updated",
  customersMerged: "crm.customers.merged",
  quotationChanged: "invoicing.quotation.changed",
  invoiceChanged: "invoicing.invoice.changed",
} as const;

type Data = Record<string, unknown>;
type Mapper = (data: Data) => LiveChange[];

const text = (v: unknown): string | null => (typeof v === "string" && v.length > 0 && v.length <= 200 ? v : null);
const texts = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter((s): s is string => s !== null) : []);

/** One change of `topic` for the entity named by `key` in the event data (none when the id is missing). */
const one = (topic: LiveTopic, action: string | ((d: Data) => string), key = "id"): Mapper => (d) => {
  const id = text(d[key]);
  return id ? [{ topic, entity_id: id, action: typeof action === "function" ? action(d) : action }] : [];
};
/** Stock changes for the inventory items an event names (`item_ids`). */
const stockOf = (action: string): Mapper => (d) => texts(d.item_ids).map((id) => ({ topic: "stock" as const, entity_id: id, action }));
const all = (...mappers: Mapper[]): Mapper => (d) => mappers.flatMap((m) => m(d));
const actionOr = (key: string, fallback: string) => (d: Data) => text(d[key]) ?? fallback;

const MAPPERS: Record<string, Mapper> = {
  "repair_job.created": one("job", "created"),
  "repair_job.updated": one("job", (d) => (texts(d.fields).includes("technician_id") ? "assigned" : "updated")),
  "repair_job.status_changed": all(one("job", "status_changed"), stockOf("repair")),
  "repair_job.photos_added": one("job", "photos_added"),
  [LIVE_EVENTS.repairPhotoRemoved]: one("job", "photo_removed"),
  [LIVE_EVENTS.repairLinesChanged]: all(one("job", "lines_changed"), stockOf("reserved")),
  [LIVE_EVENTS.repairQuoteSent]: one("job", "quote_sent"),
  "customer.created": one("customer", "created"),
  "customer.updated": one("customer", "updated"),
  "customer.deleted": one("customer", "deleted"),
  [LIVE_EVENTS.customerUpdated]: one("customer", "updated"),
  [LIVE_EVENTS.customersMerged]: all(one("customer", "merged", "kept_id"), one("customer", "merged_away", "merged_id")),
  "pos.sale.completed": all(one("sale", "completed"), stockOf("sale")),
  "pos.sale.returned": all(one("sale", "returned"), stockOf("return")),
  [LIVE_EVENTS.posSalePaid]: one("sale", "paid"),
  [LIVE_EVENTS.stockChanged]: stockOf("changed"),
  "procurement.stock.low": one("stock", "low", "inventory_item_id"),
  [LIVE_EVENTS.quotationChanged]: one("quotation", actionOr("action", "updated")),
  [LIVE_EVENTS.invoiceChanged]: one("invoice", actionOr("action", "updated")),
  [LIVE_EVENTS.campaignCreated]: one("campaign", "created"),
  [LIVE_EVENTS.campaignUpdated]: one("campaign", "updated"),
  [LIVE_EVENTS.campaignStatusChanged]: one("campaign", actionOr("to", "status_changed")),
  [LIVE_EVENTS.campaignProgress]: one("campaign", "progress"),
  [LIVE_EVENTS.campaignEmergencyStop]: (d) => [{ topic: "campaign", entity_id: "emergency_stop", action: d.stopped ? "stopped" : "released" }],
  [LIVE_EVENTS.handoffOpened]: all(one("handoff", "opened"), one("conversation", "handoff_opened", "phone")),
  [LIVE_EVENTS.handoffChanged]: all(one("handoff", actionOr("action", "changed")), one("conversation", (d) => `handoff_${text(d.action) ?? "changed"}`, "phone")),
  "whatsapp.message.received": all(one("message", "received", "message_id"), one("conversation", "message_received", "phone")),
  "whatsapp.message.status": all(one("message", actionOr("status", "status_changed"), "message_id"), one("conversation", "message_status", "phone")),
  "whatsapp.contact.opted_out": one("conversation", "opted_out", "phone"),
};

/** Every event-bus event that makes a live change (the live subscriber listens to these). */
export const LIVE_EVENT_NAMES: readonly string[] = Object.keys(MAPPERS);

/** The live changes an event-bus event stands for; none for an event that is not live, or data without ids. */
export function liveChangeFor(eventName: string, data: unknown): LiveChange[] {
  const mapper = MAPPERS[eventName];
  if (!mapper || !data || typeof data !== "object") return [];
  return mapper(data as Data).map((c) => ({ ...c, action: c.action.slice(0, 60) }));
}

/** The resume point a reconnecting console gives: `Last-Event-ID` wins over `?after=`. Null = none or unreadable. */
export function liveResumePoint(lastEventId: unknown, after: unknown): number | null {
  for (const v of [lastEventId, after]) {
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === "string" && /^\d{1,15}$/.test(s.trim())) return Number(s.trim());
  }
  return null;
}

export type LiveResumeDecision = "ready" | "replay" | "reset";

/**
 * What to send first: no resume point → `ready`; a point inside what is kept (from just before the
 * oldest retained change up to the newest issued seq) → `replay`; older (pruned meanwhile), newer (a
 * restored database) or too far back → `reset`, and the console reloads everything.
 */
export function decideLiveResume(input: { resume: number | null; oldest: number | null; newest: number; pending: number }): LiveResumeDecision {
  if (input.resume === null) return "ready";
  if (input.resume > input.newest) return "reset";
  if (input.resume === input.newest) return "replay";
  if (input.oldest === null || input.resume < input.oldest - 1) return "reset";
  return input.pending > LIVE_REPLAY_LIMIT ? "reset" : "replay";
}

export interface LiveChangeFrameData {
  seq: number;
  topic: LiveTopic;
  id: string;
  action: string;
  at: string;
}

/** One server-sent event; `data` is one line of JSON. */
export function liveFrame(event: "change" | "ready" | "reset", data: unknown, id?: number): string {
  return `${id !== undefined ? `id: ${id}\n` : ""}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const LIVE_PING_FRAME = ": ping\n\n";
