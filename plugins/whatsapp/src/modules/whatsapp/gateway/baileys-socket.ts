import type { AuthStateStore, BaileysSocketFactory } from "@voltura/whatsapp-transport";

export interface BaileysParts {
  socketFactory: BaileysSocketFactory;
  initAuthCreds: () => Record<string, unknown>;
  reviveKey: (type: string, value: unknown) => unknown;
}

/** Lets tests swap the real WhatsApp socket for the transport package's fake one. */
let override: (() => Promise<BaileysParts>) | null = null;
export function useBaileysPartsForTests(parts: (() => Promise<BaileysParts>) | null): void {
  override = parts;
}

/**
 * The real Baileys pieces, loaded on first use (an ESM package, and heavy): makeWASocket with the
 * DB-backed auth state, quiet logging, no history sync.
 */
export async function loadBaileysParts(_store: AuthStateStore): Promise<BaileysParts> {
  if (override) return override();
  const baileys = await import("@whiskeysockets/baileys");
  const { default: pino } = await import("pino");
  const logger = pino({ level: process.env.WHATSAPP_LOG_LEVEL ?? "warn" });
  const makeWASocket = baileys.makeWASocket;
  return {
    socketFactory: ({ auth }) =>
      makeWASocket({
        // The transport keeps Baileys' credentials opaque (it only stores them); Baileys wrote them, so they are its own type.
        auth: auth as unknown as Parameters<typeof makeWASocket>[0]["auth"],
        logger,
        browser: baileys.Browsers.ubuntu("Voltura Service Hub"),
        markOnlineOnConnect: false,
        syncFullHistory: false,
      }),
    initAuthCreds: () => ({ ...baileys.initAuthCreds() }),
    reviveKey: (type, value) =>
      type === "app-state-sync-key" ? baileys.proto.Message.AppStateSyncKeyData.fromObject(value as object) : value,
  };
}
