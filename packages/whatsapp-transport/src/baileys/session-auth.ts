import type { AuthStateStore, StoredAuthState } from "../auth-state/auth-state-store.js";
import type { BaileysAuthState } from "./baileys-types.js";

export interface SessionAuthOptions {
  store: AuthStateStore;
  /** Baileys' initAuthCreds: fresh credentials for a first pairing. */
  initAuthCreds: () => Record<string, unknown>;
  /**
   * Turns a stored key back into what Baileys expects, e.g.
   * `(type, v) => type === "app-state-sync-key" ? proto.Message.AppStateSyncKeyData.fromObject(v) : v`.
   */
  reviveKey?: (type: string, value: unknown) => unknown;
  onError: (error: Error) => void;
}

/**
 * The Baileys AuthenticationState of one session, backed by an AuthStateStore. Every change
 * (creds.update, keys.set) is saved; saves run one at a time and a clear() wins over any save
 * still queued from before it.
 */
export class SessionAuth {
  private state: StoredAuthState | null = null;
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private saveQueued = false;

  constructor(private readonly options: SessionAuthOptions) {}

  /**
   * The session in Baileys' shape: the one in memory (reconnects), else the stored one, else fresh
   * credentials (first pairing, or after a clear).
   */
  async load(): Promise<BaileysAuthState> {
    if (!this.state) {
      await this.queue;
      this.state = (await this.options.store.load()) ?? { creds: this.options.initAuthCreds(), keys: {} };
      this.generation += 1;
    }
    return this.asBaileys(this.state);
  }

  /** creds.update: Baileys has usually mutated creds in place already; merge and save. */
  updateCreds(update: object): Promise<void> {
    if (!this.state) return Promise.resolve();
    Object.assign(this.state.creds, update);
    return this.save();
  }

  clear(): Promise<void> {
    this.state = null;
    this.generation += 1;
    this.saveQueued = false;
    this.queue = this.queue.then(() => this.options.store.clear());
    return this.queue;
  }

  /** Resolves once every queued save/clear has finished. */
  settled(): Promise<void> {
    return this.queue;
  }

  private save(): Promise<void> {
    if (this.saveQueued) return this.queue;
    this.saveQueued = true;
    const generation = this.generation;
    this.queue = this.queue
      .then(async () => {
        this.saveQueued = false;
        if (this.state && generation === this.generation) await this.options.store.save(this.state);
      })
      .catch((cause: unknown) => {
        this.options.onError(new Error(`saving the WhatsApp session failed: ${String(cause)}`, { cause }));
      });
    return this.queue;
  }

  private asBaileys(state: StoredAuthState): BaileysAuthState {
    const revive = this.options.reviveKey ?? ((_type: string, value: unknown) => value);
    return {
      creds: state.creds,
      keys: {
        get: async (type, ids) => {
          const bucket = state.keys[type] ?? {};
          const found: Record<string, unknown> = {};
          for (const id of ids) {
            if (bucket[id] !== undefined && bucket[id] !== null) found[id] = revive(type, bucket[id]);
          }
          return found;
        },
        set: async (data) => {
          for (const [type, entries] of Object.entries(data)) {
            if (!entries) continue;
            const bucket = (state.keys[type] ??= {});
            for (const [id, value] of Object.entries(entries)) {
              if (value === null || value === undefined) delete bucket[id];
              else bucket[id] = value;
            }
          }
          if (state === this.state) await this.save();
        },
      },
    };
  }
}
