import pg from "pg";
import { LIVE_CHANNEL } from "@voltura/domain";
import { LIVE_ROW_COLUMNS, toLiveRow, type LiveRow } from "./store";

/** One open stream (or a test's listener): gets every change this process hears of, and the hub's end. */
export interface LiveListener {
  deliver(rows: readonly LiveRow[]): void;
  close(): void;
}

interface Logger {
  warn(msg: string): void;
  info?(msg: string): void;
}

export interface LiveHubOptions {
  connection: pg.ClientConfig;
  logger?: Logger;
  /** First wait before reconnecting; doubles up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

const CATCH_UP_LIMIT = 1000;

/**
 * The process's one `LISTEN voltura_live` connection. Connected on the first listener, reconnected with
 * backoff when it drops (then it catches up on what was recorded meanwhile), closed on shutdown. Each
 * notification carries a seq; the rows are read by seq (not "after the newest", since two writes may
 * commit out of seq order) and handed to every listener.
 */
export class LiveHub {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly listeners = new Set<LiveListener>();
  private readonly pending = new Set<number>();
  private flushing = false;
  private lastSeq = 0;
  private backoff: number;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private listenedBefore = false;
  private readonly gone = new WeakSet<pg.Client>();

  constructor(private readonly options: LiveHubOptions) {
    this.backoff = options.backoffMs ?? 500;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Adds a listener; resolves once this process is listening, so nothing committed from then on is missed. */
  async subscribe(listener: LiveListener): Promise<() => void> {
    if (this.closed) throw new Error("The live hub is closed");
    this.listeners.add(listener);
    try {
      await this.ensureConnected();
    } catch (err) {
      this.listeners.delete(listener);
      throw err;
    }
    return () => {
      this.listeners.delete(listener);
    };
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ ...this.options.connection, keepAlive: true, application_name: "voltura-live" });
    client.on("error", (err) => this.dropped(client, err));
    client.on("end", () => this.dropped(client, new Error("connection ended")));
    client.on("notification", (msg) => {
      if (msg.channel !== LIVE_CHANNEL) return;
      const seq = Number(msg.payload);
      if (Number.isSafeInteger(seq) && seq > 0) this.pending.add(seq);
      void this.flush();
    });
    await client.connect();
    try {
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
      if (this.listenedBefore) await this.catchUp(client);
      else this.lastSeq = await this.newestSeq(client);
    } catch (err) {
      this.gone.add(client);
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      this.gone.add(client);
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.listenedBefore = true;
    this.backoff = this.options.backoffMs ?? 500;
    if (this.pending.size) void this.flush();
  }

  private async newestSeq(client: pg.Client): Promise<number> {
    const { rows } = await client.query(`SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS newest FROM live_event_seq_seq`);
    return Number(rows[0]?.newest ?? 0);
  }

  /** After a reconnect: whatever was recorded while the connection was down. */
  private async catchUp(client: pg.Client): Promise<void> {
    const { rows } = await client.query(`SELECT ${LIVE_ROW_COLUMNS} FROM live_event WHERE seq > $1 ORDER BY seq LIMIT $2`, [this.lastSeq, CATCH_UP_LIMIT]);
    this.hand(rows.map(toLiveRow));
  }

  private dropped(client: pg.Client, err: Error): void {
    if (this.gone.has(client)) return;
    this.gone.add(client);
    if (this.client === client) this.client = null;
    client.removeAllListeners("notification");
    if (this.closed || !this.listeners.size) return;
    this.options.logger?.warn(`[live] the LISTEN connection dropped (${err.message}); reconnecting in ${this.backoff} ms`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.reconnectTimer || this.closed) return;
    const wait = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 30_000);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closed || this.client) return;
      this.ensureConnected().catch((err: Error) => {
        this.options.logger?.warn(`[live] could not listen again: ${err.message}`);
        this.scheduleReconnect();
      });
    }, wait);
    this.reconnectTimer.unref?.();
  }

  /** Reads the notified rows (one batch at a time) and hands them out. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.size && this.client) {
        const seqs = [...this.pending];
        this.pending.clear();
        const { rows } = await this.client.query(`SELECT ${LIVE_ROW_COLUMNS} FROM live_event WHERE seq = ANY($1::bigint[]) ORDER BY seq`, [seqs]);
        this.hand(rows.map(toLiveRow));
      }
    } catch (err) {
      this.options.logger?.warn(`[live] could not read notified changes: ${(err as Error).message}`);
    } finally {
      this.flushing = false;
    }
  }

  private hand(rows: LiveRow[]): void {
    if (!rows.length) return;
    this.lastSeq = Math.max(this.lastSeq, ...rows.map((r) => r.seq));
    for (const listener of [...this.listeners]) {
      try {
        listener.deliver(rows);
      } catch (err) {
        this.options.logger?.warn(`[live] a listener failed: ${(err as Error).message}`);
      }
    }
  }

  /** Ends every listener and the connection; the hub cannot be used again. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    for (const listener of [...this.listeners]) {
      try {
        listener.close();
      } catch {
        // a response already gone
      }
    }
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    if (client) {
      this.gone.add(client);
      await client.end().catch(() => undefined);
    }
    await this.connecting?.catch(() => undefined);
  }
}
