/**
 * Baileys' pairing credentials and Signal keys, as one plain object. Values hold Buffers /
 * Uint8Arrays, so persist them with serializeAuthState (same JSON shape as Baileys' BufferJSON).
 */
export interface StoredAuthState {
  /** Baileys AuthenticationCreds. */
  creds: Record<string, unknown>;
  /** Signal keys by type ("pre-key", "session", "app-state-sync-key", …) then id. */
  keys: Record<string, Record<string, unknown>>;
}

/** Where the WhatsApp session lives between restarts (the real one: encrypted, in PostgreSQL). */
export interface AuthStateStore {
  load(): Promise<StoredAuthState | null>;
  save(state: StoredAuthState): Promise<void>;
  /** Forgets the session (after a logout or a bad session): the next connect pairs again. */
  clear(): Promise<void>;
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Uint8Array) return { type: "Buffer", data: Buffer.from(value).toString("base64") };
  if (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "Buffer") {
    const data = (value as { data?: unknown }).data;
    if (Array.isArray(data)) return { type: "Buffer", data: Buffer.from(data as number[]).toString("base64") };
  }
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === "object" && value !== null) {
    const candidate = value as { type?: unknown; buffer?: unknown; data?: unknown; value?: unknown };
    if (candidate.buffer === true || candidate.type === "Buffer") {
      const data = candidate.data ?? candidate.value;
      return typeof data === "string" ? Buffer.from(data, "base64") : Buffer.from((data as number[] | undefined) ?? []);
    }
  }
  return value;
}

/** JSON with binary values as {type:"Buffer",data:<base64>}, the format Baileys' BufferJSON reads. */
export function serializeAuthState(state: StoredAuthState): string {
  return JSON.stringify(state, replacer);
}

export function deserializeAuthState(json: string): StoredAuthState {
  const parsed = JSON.parse(json, reviver) as Partial<StoredAuthState> | null;
  if (!parsed || typeof parsed !== "object" || typeof parsed.creds !== "object" || parsed.creds === null) {
    throw new Error("stored WhatsApp auth state has no creds");
  }
  return { creds: parsed.creds, keys: parsed.keys ?? {} };
}

/**
 * Keeps the session in memory, serialised on every save exactly like a database would, so tests
 * catch values that would not survive a restart.
 */
export class InMemoryAuthStateStore implements AuthStateStore {
  private stored: string | null = null;
  saves = 0;
  clears = 0;

  constructor(initial?: StoredAuthState) {
    if (initial) this.stored = serializeAuthState(initial);
  }

  async load(): Promise<StoredAuthState | null> {
    return this.stored === null ? null : deserializeAuthState(this.stored);
  }

  async save(state: StoredAuthState): Promise<void> {
    this.saves += 1;
    this.stored = serializeAuthState(state);
  }

  async clear(): Promise<void> {
    this.clears += 1;
    this.stored = null;
  }

  get isEmpty(): boolean {
    return this.stored === null;
  }
}
