import { createInvalidationBatcher, reconnectDelay, type InvalidationBatcher } from "./batch";
import { dependenciesOf, liveStreamUrl, parseLiveChange, parseSeqFrame, type LiveChange, type LiveTopic } from "./protocol";

/**
 * One live stream per tab. It remembers the seq of the last change it saw; whenever it (re)connects it
 * asks for what came after (`/live?after=<seq>`), so a change made while the stream was cut still
 * arrives. Each change invalidates `live:<topic>` (batched, ~200 ms) and reaches the `on(topic)` listeners.
 *
 * States: `connecting` (first connection), `live`, `reconnecting` (cut for more than a moment),
 * `paused` (the tab has been hidden a while: the connection is given back), `idle` (not started).
 */
export type LiveState = "idle" | "connecting" | "live" | "reconnecting" | "paused";

/** The part of EventSource the client uses (a fake in the tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}

export interface LiveClientOptions {
  connect: (url: string) => EventSourceLike;
  invalidate: (keys: ReadonlySet<string>) => Promise<unknown>;
  invalidateAll: () => Promise<unknown>;
  onState?: (state: LiveState) => void;
  /** The signed-in staff member, to tell their own changes from someone else's. */
  staffId?: string | null;
  listeners?: LiveListeners;
  batchMs?: number;
  /** A cut shorter than this (the proxy's periodic hand-over) does not show as `reconnecting`. */
  graceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  random?: () => number;
}

/**
 * Changes can arrive slightly out of seq order (two writes committing the other way round), so a
 * reconnect asks again for the last few seqs before the highest one seen; those already seen are skipped.
 */
export const RESUME_OVERLAP = 20;
const SEEN_LIMIT = 2_000;

export type LiveListener = (change: LiveChange) => void;

/** Who listens to which topic; lives apart from the connection so components may subscribe before it starts. */
export class LiveListeners {
  readonly #byTopic = new Map<LiveTopic, Set<LiveListener>>();

  /** Calls `listener` for every change of `topic`; returns the unsubscribe function. */
  on(topic: LiveTopic, listener: LiveListener): () => void {
    let set = this.#byTopic.get(topic);
    if (!set) this.#byTopic.set(topic, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  emit(change: LiveChange): void {
    for (const listener of this.#byTopic.get(change.topic) ?? []) {
      try {
        listener(change);
      } catch (err) {
        console.error("[live] a listener failed:", err);
      }
    }
  }
}

export class LiveClient {
  readonly #options: LiveClientOptions;
  readonly #setTimer: (fn: () => void, ms: number) => unknown;
  readonly #clearTimer: (timer: unknown) => void;
  readonly #batcher: InvalidationBatcher;
  readonly #listeners: LiveListeners;
  #source: EventSourceLike | null = null;
  #lastSeq: number | null = null;
  readonly #seen = new Set<number>();
  #attempt = 0;
  #retryTimer: unknown = null;
  #graceTimer: unknown = null;
  #state: LiveState = "idle";

  constructor(options: LiveClientOptions) {
    this.#options = options;
    this.#listeners = options.listeners ?? new LiveListeners();
    this.#setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.#clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
    this.#batcher = createInvalidationBatcher({
      delayMs: options.batchMs ?? 200,
      flush: options.invalidate,
      setTimer: this.#setTimer,
      clearTimer: this.#clearTimer,
    });
  }

  get state(): LiveState {
    return this.#state;
  }

  get lastSeq(): number | null {
    return this.#lastSeq;
  }

  start(): void {
    if (this.#state !== "idle" && this.#state !== "paused") return;
    this.#setState("connecting");
    this.#open();
  }

  /** Gives the connection back (hidden tab); `start()` resumes after the last seen change. */
  pause(): void {
    if (this.#state === "idle" || this.#state === "paused") return;
    this.#closeSource();
    this.#setState("paused");
  }

  stop(): void {
    this.#closeSource();
    this.#batcher.dispose();
    this.#setState("idle");
  }

  on(topic: LiveTopic, listener: LiveListener): () => void {
    return this.#listeners.on(topic, listener);
  }

  /**
   * Adds dependencies to the next batched invalidation (a listener's own record key joins the topic's
   * reload: two invalidations in a row would make SvelteKit fetch the page twice). Resolves once done.
   */
  invalidateWithNext(keys: Iterable<string>): Promise<void> {
    return this.#batcher.add(keys);
  }

  #open(): void {
    const after = this.#lastSeq === null ? null : Math.max(0, this.#lastSeq - RESUME_OVERLAP);
    const source = this.#options.connect(liveStreamUrl(after));
    this.#source = source;
    const mine = (fn: (data: string) => void) => (event: { data?: unknown }) => {
      if (this.#source === source) fn(typeof event.data === "string" ? event.data : "");
    };
    source.addEventListener("open", mine(() => this.#onOpen()));
    source.addEventListener("change", mine((data) => this.#onChange(data)));
    source.addEventListener("ready", mine((data) => this.#onReady(data)));
    source.addEventListener("reset", mine((data) => this.#onReset(data)));
    source.addEventListener("error", mine(() => this.#onError()));
  }

  #onOpen(): void {
    this.#attempt = 0;
    this.#cancel("grace");
    this.#setState("live");
  }

  #onChange(data: string): void {
    const change = parseLiveChange(data, this.#options.staffId);
    if (!change) return;
    // A replay overlaps what this tab already saw (on purpose, see RESUME_OVERLAP).
    if (this.#seen.has(change.seq)) return;
    this.#seen.add(change.seq);
    if (this.#seen.size > SEEN_LIMIT) this.#seen.delete(this.#seen.values().next().value!);
    this.#lastSeq = Math.max(this.#lastSeq ?? 0, change.seq);
    this.#listeners.emit(change);
    this.#batcher.add(dependenciesOf(change));
  }

  #onReady(data: string): void {
    const seq = parseSeqFrame(data);
    if (seq === null) return;
    // `ready` answers a connection without a resume point. Had this tab seen changes before, what
    // happened in between is unknown: reload everything.
    if (this.#lastSeq !== null && seq > this.#lastSeq) void this.#options.invalidateAll();
    this.#lastSeq = seq;
  }

  #onReset(data: string): void {
    this.#lastSeq = parseSeqFrame(data);
    void this.#options.invalidateAll();
  }

  #onError(): void {
    // The browser would retry with the resume point of its choosing: close and reconnect with ours.
    this.#closeSource();
    const delay = reconnectDelay(this.#attempt++, this.#options.random);
    this.#retryTimer = this.#setTimer(() => {
      this.#retryTimer = null;
      this.#open();
    }, delay);
    if (this.#state === "live") {
      this.#graceTimer = this.#setTimer(() => {
        this.#graceTimer = null;
        this.#setState("reconnecting");
      }, this.#options.graceMs ?? 3_000);
    } else if (this.#state === "connecting") {
      this.#setState("reconnecting");
    }
  }

  #closeSource(): void {
    this.#source?.close();
    this.#source = null;
    this.#cancel("retry");
    this.#cancel("grace");
  }

  #cancel(which: "retry" | "grace"): void {
    const timer = which === "retry" ? this.#retryTimer : this.#graceTimer;
    if (timer !== null) this.#clearTimer(timer);
    if (which === "retry") this.#retryTimer = null;
    else this.#graceTimer = null;
  }

  #setState(state: LiveState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#options.onState?.(state);
  }
}
