import { LIVE_TOPICS, type LiveTopic } from "@voltura/domain";
import { z } from "zod";

/**
 * What the console reads from the live stream (`GET /live`, proxied from commerce's `GET /admin/live`).
 * Frames: `event: change` (one live change), `event: ready` (no resume point given: the current seq),
 * `event: reset` (the resume point is older than the retained changes: reload everything).
 */

export { LIVE_TOPICS, type LiveTopic };

const seqSchema = z.number().int().nonnegative();

export const liveChangeSchema = z.object({
  seq: seqSchema,
  topic: z.enum(LIVE_TOPICS),
  id: z.string().max(200).nullish(),
  action: z.string().max(80),
  at: z.string().max(40),
  /** Who made the change (a staff id), when commerce sends it. */
  actor: z.string().max(200).nullish(),
});

/** A live change as listeners get it; `mine` is unknown (undefined) when the frame names no actor. */
export type LiveChange = z.infer<typeof liveChangeSchema> & { mine?: boolean };

const seqFrameSchema = z.object({ seq: seqSchema });

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * A `change` frame's data, or null when it is not one we understand (a topic added on the commerce side
 * before the console knows it, or a malformed frame): those are skipped, never fatal.
 */
export function parseLiveChange(data: string, staffId?: string | null): LiveChange | null {
  const parsed = liveChangeSchema.safeParse(parseJson(data));
  if (!parsed.success) return null;
  const change: LiveChange = parsed.data;
  if (staffId && change.actor) change.mine = change.actor === staffId;
  return change;
}

/** The seq a `ready` or `reset` frame carries, or null. */
export function parseSeqFrame(data: string): number | null {
  const parsed = seqFrameSchema.safeParse(parseJson(data));
  return parsed.success ? parsed.data.seq : null;
}

/** The dependency a page load declares for everything of a topic: `depends(liveDependency("job"))`. */
export function liveDependency(topic: LiveTopic): `live:${LiveTopic}` {
  return `live:${topic}`;
}

/**
 * The header's campaign state (the emergency stop, how many campaigns run): reloaded on a campaign's
 * status change or the stop, not on every progress tick of a sending campaign.
 */
export const CAMPAIGN_HEADER_DEPENDENCY = "live:campaign-header";
const CAMPAIGN_ACTIONS_OUTSIDE_HEADER = new Set(["created", "updated", "progress"]);

/** What a change invalidates (batched): its topic, plus the header's campaign state when that moved. */
export function dependenciesOf(change: Pick<LiveChange, "topic" | "action">): string[] {
  const keys: string[] = [liveDependency(change.topic)];
  if (change.topic === "campaign" && !CAMPAIGN_ACTIONS_OUTSIDE_HEADER.has(change.action)) keys.push(CAMPAIGN_HEADER_DEPENDENCY);
  return keys;
}

/**
 * The dependency of one record's page (the job workspace). The stream never invalidates it by itself:
 * the page's own listener does, once it is safe to (no form half filled in).
 */
export function liveRecordDependency(topic: LiveTopic, id: string): string {
  return `live:${topic}:${encodeURIComponent(id)}`;
}

/** The stream URL of the console, resuming after `seq` when there is one. */
export function liveStreamUrl(after: number | null): string {
  return after === null ? "/live" : `/live?after=${after}`;
}
