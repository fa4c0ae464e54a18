import type { TransportEventMap, TransportEventName, TransportListener } from "./types.js";

/**
 * A tiny synchronous event emitter for the transport events. A listener that throws never breaks
 * the transport: the error goes to the `error` listeners (or `onUnhandledError` when none).
 */
export class TransportEmitter {
  private readonly listeners = new Map<TransportEventName, Set<(payload: never) => void>>();

  constructor(private readonly onUnhandledError: (error: Error) => void = (error) => console.error(error)) {}

  on<E extends TransportEventName>(event: E, listener: TransportListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as (payload: never) => void);
    return () => this.off(event, listener);
  }

  off<E extends TransportEventName>(event: E, listener: TransportListener<E>): void {
    this.listeners.get(event)?.delete(listener as (payload: never) => void);
  }

  listenerCount(event: TransportEventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }

  emit<E extends TransportEventName>(event: E, payload: TransportEventMap[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as TransportListener<E>)(payload);
      } catch (cause) {
        const error = cause instanceof Error ? cause : new Error(String(cause));
        if (event === "error" || this.listenerCount("error") === 0) this.onUnhandledError(error);
        else this.emit("error", error);
      }
    }
    if (event === "error" && this.listenerCount("error") === 0) this.onUnhandledError(payload as Error);
  }
}
