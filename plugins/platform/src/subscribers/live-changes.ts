import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework";
import { LIVE_EVENT_NAMES, liveChangeFor } from "@voltura/domain";
import { LIVE_MODULE, type LiveModuleService } from "../modules/live";

/**
 * Every event that stands for a change staff see live becomes live_event rows, announced to every
 * instance's hub. Best effort: a lost change only delays a console's refresh until its next one.
 */
export default async function liveChangesSubscriber({ event, container }: SubscriberArgs<Record<string, unknown>>) {
  const changes = liveChangeFor(event.name, event.data);
  if (!changes.length) return;
  const actor = typeof event.data?.actor_id === "string" ? event.data.actor_id : null;
  await container.resolve<LiveModuleService>(LIVE_MODULE).record(changes, actor);
}

export const config: SubscriberConfig = { event: [...LIVE_EVENT_NAMES], context: { subscriberId: "live-changes" } };
