import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";

/**
 * The gateway's process-wide supervisor, loaded through Node's own require (as Medusa loads the
 * plugin), so the test sees the very instance that serves the routes.
 */
const requireCjs = createRequire(path.join(process.cwd(), "package.json"));
export const boot = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/gateway/boot") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/gateway/boot");
export const baileysSocket = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/gateway/baileys-socket") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/gateway/baileys-socket");
export const supervisorModule = requireCjs("@voltura/plugin-whatsapp/modules/whatsapp/gateway/supervisor") as typeof import("@voltura/plugin-whatsapp/modules/whatsapp/gateway/supervisor");

/** Records the payloads of the given events, as a subscriber of the shop would see them. */
export function recordEvents(container: MedusaContainer, names: string[]): Record<string, Array<Record<string, unknown>>> {
  const seen: Record<string, Array<Record<string, unknown>>> = Object.fromEntries(names.map((n) => [n, []]));
  const bus = container.resolve(Modules.EVENT_BUS);
  for (const name of names) {
    bus.subscribe(name, async (event) => {
      seen[name]!.push(event.data as Record<string, unknown>);
    }, { subscriberId: `whatsapp-it-${name}-${randomUUID()}` }); // unique: suites share one boot
  }
  return seen;
}

export async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
