import { invalidate as kitInvalidate, invalidateAll as kitInvalidateAll } from "$app/navigation";
import { navigating } from "$app/state";
import { createInvalidationBatcher } from "./batch";
import { LiveClient, LiveListeners, type LiveListener, type LiveState } from "./client";
import { liveRecordDependency, type LiveTopic } from "./protocol";

/**
 * The tab's live stream, started by the staff area's layout (`startLive`). Pages declare what they show
 * with `depends("live:<topic>")`; components that must decide for themselves (the job workspace's
 * "Updated by someone else") listen with `onLiveChange`.
 */

/**
 * Resolves once no navigation is in flight. A reload started during a navigation (a form's redirect to the
 * record it just created) would re-run the page being left and cancel the navigation, so live reloads wait.
 */
function navigationSettled(): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (navigating.to ? setTimeout(check, 50) : resolve());
    check();
  });
}

async function invalidate(match: Parameters<typeof kitInvalidate>[0]): Promise<void> {
  await navigationSettled();
  await kitInvalidate(match);
}

async function invalidateAll(): Promise<void> {
  await navigationSettled();
  await kitInvalidateAll();
}

/** A hidden tab gives its connection back after this long (browsers allow few connections per site). */
const HIDDEN_PAUSE_MS = 30_000;

let state = $state<LiveState>("idle");
const listeners = new LiveListeners();
let stopClient: (() => void) | null = null;
let current: LiveClient | null = null;
let users = 0;

/** The connection state, for the shell's indicator and for fallbacks (a slow poll while the stream is down). */
export const liveStatus = {
  get state(): LiveState {
    return state;
  },
  /** Changes are not arriving right now (cut, not started, or paused in a hidden tab). */
  get down(): boolean {
    return state !== "live";
  },
};

/** Listens for changes of `topic`; call inside `$effect` and return what it returns (the unsubscribe). */
export function onLiveChange(topic: LiveTopic, listener: LiveListener): () => void {
  return listeners.on(topic, listener);
}

/** Invalidates `keys` together with the stream's next batched reload (or at once without a stream). */
export function invalidateWithLive(keys: string[]): Promise<void> {
  return current ? current.invalidateWithNext(keys) : invalidate((url) => keys.includes(url.href));
}

/**
 * Like onLiveChange, but a burst of changes of `topic` (a sale of five items) calls `refresh` once,
 * ~200 ms after the first. Call inside `$effect` and return what it returns.
 */
export function onLiveChanges(topic: LiveTopic, refresh: () => Promise<unknown> | void): () => void {
  const batcher = createInvalidationBatcher({ delayMs: 200, flush: async () => refresh() });
  const off = listeners.on(topic, () => batcher.add([topic]));
  return () => {
    off();
    batcher.dispose();
  };
}

/**
 * For a page about one record (a chat): re-runs the loads that declared `depends(liveRecordDependency(topic, id))`
 * when a change names that record, batched like the topic-wide reloads. Call in a component's script.
 */
export function reloadOnRecordChange(topic: LiveTopic, id: () => string | null | undefined): void {
  // Compared by value: the page's data is a new object on every reload, the record's id is not.
  const record = $derived(id());
  $effect(() => {
    const current = record;
    if (!current) return;
    const batcher = createInvalidationBatcher({ delayMs: 200, flush: () => invalidate(liveRecordDependency(topic, current)) });
    const off = listeners.on(topic, (change) => {
      if (change.id === current) batcher.add([current]);
    });
    return () => {
      off();
      batcher.dispose();
    };
  });
}

function startClient(staffId: string | null | undefined): () => void {
  const live = new LiveClient({
    staffId,
    listeners,
    connect: (url) => new EventSource(url),
    invalidate: (keys) => invalidate((url) => keys.has(url.href)),
    invalidateAll,
    onState: (next) => (state = next),
  });
  let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
  const onVisibility = () => {
    clearTimeout(hiddenTimer);
    if (document.visibilityState === "hidden") hiddenTimer = setTimeout(() => live.pause(), HIDDEN_PAUSE_MS);
    else live.start();
  };
  document.addEventListener("visibilitychange", onVisibility);
  live.start();
  current = live;
  return () => {
    current = null;
    clearTimeout(hiddenTimer);
    document.removeEventListener("visibilitychange", onVisibility);
    live.stop();
  };
}

/** Starts the tab's stream (one, however many callers); returns the function that releases it. */
export function startLive(options: { staffId?: string | null } = {}): () => void {
  if (typeof EventSource === "undefined") return () => {};
  users += 1;
  stopClient ??= startClient(options.staffId);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users -= 1;
    if (users === 0) {
      stopClient?.();
      stopClient = null;
    }
  };
}
