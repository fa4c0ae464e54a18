import { describe, expect, it } from "vitest";
import { closeReasons, decideReconnect, type ConnectionEvent } from "@voltura/whatsapp-transport";
import { alertPatch, patchForConnection } from "../modules/whatsapp/gateway/session-runtime";

const now = new Date("2026-12-01T10:00:00Z");

function closedBy(reason: (typeof closeReasons)[number]): ConnectionEvent {
  const decision = decideReconnect(reason, 0, { random: () => 0 });
  return { state: "closed", reason: decision.reason, action: decision.action };
}

describe("patchForConnection: what the health panel records for each close reason", () => {
  it.each([
    ["restartRequired", { state: "closed", count_reconnect: true, last_disconnect_reason: "restartRequired" }],
    ["connectionLost", { state: "closed", count_reconnect: true, last_disconnect_reason: "connectionLost" }],
    ["timedOut", { state: "closed", count_reconnect: true }],
    ["connectionClosed", { state: "closed", count_reconnect: true }],
    ["unavailableService", { state: "closed", count_reconnect: true }],
    ["unknown", { state: "closed", count_reconnect: true }],
    ["connectionReplaced", { state: "stopped", enabled: false, last_disconnect_reason: "connectionReplaced" }],
    ["multideviceMismatch", { state: "stopped", enabled: false }],
    ["forbidden", { state: "stopped", enabled: false }],
    ["loggedOut", { state: "needs_pairing", enabled: false, paired_at: null, phone: null }],
    ["badSession", { state: "needs_pairing", enabled: false }],
  ] as const)("%s → %j", (reason, expected) => {
    expect(patchForConnection(closedBy(reason), "baileys", now)).toMatchObject(expected);
  });

  it("a close on purpose is recorded without counting a reconnect or stopping the session", () => {
    const patch = patchForConnection({ state: "closed", reason: "requested", action: "none" }, "baileys", now);
    expect(patch).toEqual({ state: "closed", qr: null, last_disconnect_reason: "requested" });
  });

  it("open clears the QR and stamps last seen; a simulator open also counts as paired", () => {
    expect(patchForConnection({ state: "open" }, "baileys", now)).toEqual({ state: "open", qr: null, last_seen_at: now });
    expect(patchForConnection({ state: "open" }, "simulator", now)).toEqual({ state: "open", qr: null, last_seen_at: now, paired_at: now });
    expect(patchForConnection({ state: "connecting" }, "simulator", now)).toEqual({ state: "connecting" });
  });

  it("alerts keep kind, message and time", () => {
    expect(alertPatch({ kind: "connectionReplaced", message: "opened elsewhere", timestamp: now.toISOString() })).toEqual({
      alert: { kind: "connectionReplaced", message: "opened elsewhere", at: now.toISOString() },
    });
  });
});
