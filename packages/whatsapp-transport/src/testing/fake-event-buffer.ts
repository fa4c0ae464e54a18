import { EventEmitter } from "node:events";
import type { BaileysEventMapSubset } from "../baileys/baileys-types.js";

type EventMap = BaileysEventMapSubset;
type EventName = keyof EventMap;

/**
 * Baileys' event buffer (lib/Utils/event-buffer.js) in miniature: emit() sends a map through the
 * internal "event" channel; process() handlers get that map; on()/off() get single events.
 * buffer()/flush() hold message events back and release them as one consolidated batch, keeping
 * one upsert per message id like the real buffer.
 */
export class FakeEventBuffer {
  private readonly emitter = new EventEmitter();
  private held: Partial<EventMap> | null = null;

  constructor() {
    this.emitter.on("event", (map: Partial<EventMap>) => {
      for (const [event, data] of Object.entries(map)) this.emitter.emit(event, data);
    });
  }

  process(handler: (events: Partial<EventMap>) => void | Promise<void>): () => void {
    const listener = (map: Partial<EventMap>) => void handler(map);
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }

  emit<E extends EventName>(event: E, data: EventMap[E]): boolean {
    if (this.held && (event === "messages.upsert" || event === "messages.update")) {
      this.hold(event, data);
      return true;
    }
    return this.emitter.emit("event", { [event]: data });
  }

  on<E extends EventName>(event: E, listener: (data: EventMap[E]) => void): void {
    this.emitter.on(event, listener);
  }

  off<E extends EventName>(event: E, listener: (data: EventMap[E]) => void): void {
    this.emitter.off(event, listener);
  }

  removeAllListeners(event: EventName): void {
    this.emitter.removeAllListeners(event);
  }

  buffer(): void {
    this.held ??= {};
  }

  isBuffering(): boolean {
    return this.held !== null;
  }

  flush(): boolean {
    if (!this.held) return false;
    const batch = this.held;
    this.held = null;
    if (Object.keys(batch).length > 0) this.emitter.emit("event", batch);
    return true;
  }

  /** How many process() handlers are attached (a transport must detach from dead sockets). */
  processorCount(): number {
    return this.emitter.listenerCount("event") - 1;
  }

  private hold<E extends EventName>(event: E, data: EventMap[E]): void {
    const held = this.held!;
    if (event === "messages.upsert") {
      const upsert = data as EventMap["messages.upsert"];
      const previous = held["messages.upsert"];
      const byId = new Map((previous?.messages ?? []).map((message) => [message.key.id, message]));
      for (const message of upsert.messages) byId.set(message.key.id, message);
      held["messages.upsert"] = {
        messages: [...byId.values()],
        type: previous?.type === "notify" || upsert.type === "notify" ? "notify" : "append",
      };
    } else {
      held["messages.update"] = [...(held["messages.update"] ?? []), ...(data as EventMap["messages.update"])];
    }
  }
}
