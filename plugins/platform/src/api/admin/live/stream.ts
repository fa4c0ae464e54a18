import { LIVE_HEARTBEAT_MS, LIVE_PING_FRAME, liveFrame, liveTopicReadable, type LiveChangeFrameData, type LiveTopic } from "@voltura/domain";
import type { LiveListener } from "../../../modules/live/hub";
import type { LiveRow } from "../../../modules/live/store";

/** A stream lives as long as a staff token (5 min), then ends: the browser reconnects with its Last-Event-ID. */
export const LIVE_STREAM_MAX_MS = 5 * 60_000;
/** A client this far behind (bytes not yet taken by the socket) is dropped; it reconnects and replays. */
const MAX_UNSENT_BYTES = 1_000_000;

export const changeFrame = (row: LiveRow): string =>
  liveFrame("change", { seq: row.seq, topic: row.topic as LiveTopic, id: row.entity_id, action: row.action, at: row.at } satisfies LiveChangeFrameData, row.seq);

/** What the stream uses of the HTTP response (a `ServerResponse`, flushed by compression when present). */
export interface StreamResponse {
  statusCode: number;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
  readonly writableLength: number;
  readonly socket?: { setNoDelay(noDelay?: boolean): unknown; setTimeout(ms: number): unknown } | null;
  on(event: "close", listener: () => void): unknown;
  setHeader(name: string, value: string): unknown;
  flushHeaders(): void;
  write(chunk: string): boolean;
  end(): unknown;
  flush?: () => void;
}

/**
 * One open `GET /admin/live` response. Changes heard while the replay is read are held, then sent
 * after it (each seq once); from then on each change the role may read is written as it comes.
 */
export class LiveStream implements LiveListener {
  private held: LiveRow[] | null = [];
  private readonly sent = new Set<number>();
  private heartbeat: NodeJS.Timeout | null = null;
  private lifetime: NodeJS.Timeout | null = null;
  private ended = false;
  private readonly onEnd: Array<() => void> = [];

  constructor(private readonly res: StreamResponse, private readonly role: string, private readonly maxMs = LIVE_STREAM_MAX_MS) {
    res.on("close", () => this.finish());
  }

  get isOpen(): boolean {
    return !this.ended;
  }

  /** Runs once when the stream ends, whoever ends it. */
  whenEnded(fn: () => void): void {
    if (this.ended) fn();
    else this.onEnd.push(fn);
  }

  /** The headers, sent at once: no proxy or middleware may hold the stream back. */
  open(): void {
    this.res.statusCode = 200;
    this.res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
    this.res.setHeader("Cache-Control", "no-cache, no-transform");
    this.res.setHeader("Connection", "keep-alive");
    this.res.setHeader("X-Accel-Buffering", "no");
    this.res.socket?.setNoDelay(true);
    this.res.socket?.setTimeout(0);
    this.res.flushHeaders();
    this.heartbeat = setInterval(() => this.write(LIVE_PING_FRAME), LIVE_HEARTBEAT_MS);
    this.lifetime = setTimeout(() => this.close(), this.maxMs);
  }

  /** A frame that is not a change (ready, reset). */
  send(frame: string): void {
    this.write(frame);
  }

  /** Replayed changes, before the live ones. */
  replay(rows: readonly LiveRow[]): void {
    for (const row of rows) this.sendChange(row, true);
  }

  /** Ends the replay: the changes heard meanwhile follow, then everything goes straight out. */
  goLive(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const row of held) this.sendChange(row, true);
    this.sent.clear();
  }

  deliver(rows: readonly LiveRow[]): void {
    if (this.ended) return;
    if (this.held) {
      this.held.push(...rows);
      return;
    }
    for (const row of rows) this.sendChange(row, false);
  }

  /** While the replay and the held changes go out, each seq is sent once. */
  private sendChange(row: LiveRow, once: boolean): void {
    if (!liveTopicReadable(row.topic, this.role)) return;
    if (once) {
      if (this.sent.has(row.seq)) return;
      this.sent.add(row.seq);
    }
    this.write(changeFrame(row));
  }

  private write(frame: string): void {
    if (this.ended || this.res.writableEnded || this.res.destroyed) return;
    if (this.res.writableLength > MAX_UNSENT_BYTES) {
      this.close();
      return;
    }
    this.res.write(frame);
    this.res.flush?.();
  }

  close(): void {
    if (!this.ended && !this.res.writableEnded) this.res.end();
    this.finish();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.lifetime) clearTimeout(this.lifetime);
    for (const fn of this.onEnd.splice(0)) fn();
  }
}
