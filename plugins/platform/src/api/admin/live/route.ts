import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { ALL_STAFF, decideLiveResume, liveFrame, liveResumePoint } from "@voltura/domain";
import { staffRoute } from "@voltura/medusa-kit";
import { LiveStream } from "./stream";
import { topicsReadableBy } from "../../../modules/live/store";
import { LIVE_MODULE, type LiveModuleService } from "../../../modules/live";

/**
 * Live changes as server-sent events. Resume point: `Last-Event-ID` or `?after=`. Without one the stream
 * starts with `ready` (the newest seq); with one it replays the changes after it (the role's topics) or,
 * when those are no longer all kept, sends `reset`. Then each change as it is recorded, `: ping` every 15 s.
 */
export const GET = staffRoute(ALL_STAFF, async (req, res) => {
  const live = req.scope.resolve<LiveModuleService>(LIVE_MODULE);
  const role = req.actor.role;
  const resume = liveResumePoint(req.headers["last-event-id"], req.query.after);
  const stream = new LiveStream(res, role);
  // Listening before reading the replay: a change committed meanwhile is held, not lost.
  const unsubscribe = await live.hub().subscribe(stream);
  stream.whenEnded(unsubscribe);
  stream.open();
  try {
    const state = await live.resumeState(resume);
    const decision = decideLiveResume({ resume, ...state });
    // ready and reset carry the newest seq as their id, so a reconnect right after resumes from there.
    if (decision === "ready") stream.send(liveFrame("ready", { seq: state.newest }, state.newest));
    else if (decision === "reset") stream.send(liveFrame("reset", { seq: state.newest }, state.newest));
    else stream.replay(await live.changesAfter(resume!, topicsReadableBy(role)));
    stream.goLive();
  } catch (err) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`[live] a stream could not start: ${(err as Error).message}`);
    stream.close();
  }
});
