import type pg from "pg";
import type { LiveChange } from "@voltura/domain";
import type { SqlConnection } from "@voltura/medusa-kit";
import { LiveHub } from "./hub";
import { liveChangesAfter, liveResumeState, pruneLiveChanges, recordLiveChanges } from "./store";

interface Deps {
  __pg_connection__: SqlConnection & { client?: { config?: { connection?: unknown } } };
  logger: { warn(msg: string): void; info(msg: string): void };
}

/** The connection settings the app's own pool uses (URL, SSL), for the hub's separate LISTEN connection. */
export function listenConnectionOf(knexConfig: unknown): pg.ClientConfig {
  if (typeof knexConfig === "string") return { connectionString: knexConfig };
  if (knexConfig && typeof knexConfig === "object") return { ...(knexConfig as pg.ClientConfig) };
  throw new Error("The live hub found no database connection settings");
}

/**
 * Live changes: stores them (`live_event`), answers the stream's replay and prunes after 24 h. Holds the
 * process's one LISTEN hub, made on the first stream and closed when the application shuts down.
 */
export default class LiveModuleService {
  private hubInstance: LiveHub | null = null;

  constructor(private readonly deps: Deps) {}

  __hooks = {
    onApplicationShutdown: async () => {
      const hub = this.hubInstance;
      this.hubInstance = null;
      await hub?.close();
    },
  };

  private get db(): SqlConnection {
    return this.deps.__pg_connection__;
  }

  hub(): LiveHub {
    this.hubInstance ??= new LiveHub({ connection: listenConnectionOf(this.deps.__pg_connection__.client?.config?.connection), logger: this.deps.logger });
    return this.hubInstance;
  }

  async record(changes: readonly LiveChange[], actorId: string | null = null): Promise<number[]> {
    return recordLiveChanges(this.db, changes, actorId);
  }

  async resumeState(resume: number | null) {
    return liveResumeState(this.db, resume);
  }

  async changesAfter(after: number, topics: readonly string[]) {
    return liveChangesAfter(this.db, after, topics);
  }

  async prune(now?: Date): Promise<number> {
    return pruneLiveChanges(this.db, now);
  }
}
