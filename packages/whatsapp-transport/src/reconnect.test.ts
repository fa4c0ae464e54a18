import { describe, expect, it } from "vitest";
import { backoffDelay, closeReasonOf, decideReconnect, DisconnectReason } from "./reconnect.js";

const half = () => 0.5;

describe("decideReconnect", () => {
  it("restartRequired (515, after pairing) reconnects at once, whatever the attempt", () => {
    expect(decideReconnect("restartRequired", 7, { random: half })).toEqual({
      action: "reconnect",
      delayMs: 0,
      reason: "restartRequired",
    });
    expect(decideReconnect(515, 0)).toMatchObject({ action: "reconnect", delayMs: 0 });
  });

  it.each(["connectionLost", "timedOut", "connectionClosed", "unavailableService"] as const)(
    "%s backs off with full jitter",
    (reason) => {
      expect(decideReconnect(reason, 0, { random: half })).toEqual({ action: "reconnect", delayMs: 500, reason });
      expect(decideReconnect(reason, 3, { random: half })).toEqual({ action: "reconnect", delayMs: 4_000, reason });
    },
  );

  it.each([
    [DisconnectReason.connectionLost, "connectionLost"],
    [DisconnectReason.connectionClosed, "connectionClosed"],
    [DisconnectReason.unavailableService, "unavailableService"],
  ] as const)("status code %i is %s and backs off", (code, reason) => {
    expect(decideReconnect(code, 1, { random: half })).toEqual({ action: "reconnect", delayMs: 1_000, reason });
  });

  it("timedOut shares 408 with connectionLost in Baileys, with the same verdict", () => {
    expect(DisconnectReason.timedOut).toBe(DisconnectReason.connectionLost);
    expect(decideReconnect(408, 2, { random: half })).toEqual({ action: "reconnect", delayMs: 2_000, reason: "connectionLost" });
    expect(decideReconnect("timedOut", 2, { random: half })).toEqual({ action: "reconnect", delayMs: 2_000, reason: "timedOut" });
  });

  it("connectionReplaced (440) stops and raises an alert instead of fighting for the session", () => {
    expect(decideReconnect(440, 0)).toEqual({ action: "stop", alert: "connectionReplaced", reason: "connectionReplaced" });
    expect(decideReconnect("connectionReplaced", 5)).toMatchObject({ action: "stop" });
  });

  it.each([
    [401, "loggedOut"],
    [500, "badSession"],
  ] as const)("%i (%s) clears the credentials and asks for a re-pair", (code, reason) => {
    const expected = { action: "repair", clearCredentials: true, alert: "pairingRequired", reason };
    expect(decideReconnect(code, 0)).toEqual(expected);
    expect(decideReconnect(reason, 9)).toEqual(expected);
  });

  it.each([
    [411, "multideviceMismatch"],
    [403, "forbidden"],
  ] as const)("%i (%s) stops and alerts", (code, reason) => {
    expect(decideReconnect(code, 0)).toEqual({ action: "stop", alert: reason, reason });
    expect(decideReconnect(reason, 0)).toEqual({ action: "stop", alert: reason, reason });
  });

  it("an unknown or missing code is treated as a transient failure", () => {
    expect(decideReconnect(undefined, 0, { random: half })).toEqual({ action: "reconnect", delayMs: 500, reason: "unknown" });
    expect(decideReconnect(999, 1, { random: half })).toEqual({ action: "reconnect", delayMs: 1_000, reason: "unknown" });
    expect(decideReconnect("somethingNew", 0, { random: () => 0 })).toMatchObject({ reason: "unknown", delayMs: 0 });
  });

  it("covers every Baileys DisconnectReason name", () => {
    for (const name of Object.keys(DisconnectReason)) {
      expect(closeReasonOf(name)).toBe(name);
      expect(decideReconnect(name, 0).reason).toBe(name);
    }
  });
});

describe("backoffDelay", () => {
  it("doubles the ceiling per attempt from 1 s and caps it at 60 s", () => {
    const nearlyOne = () => 0.999999;
    const delays = [0, 1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelay(attempt, { random: nearlyOne }));
    expect(delays).toEqual([999, 1_999, 3_999, 7_999, 15_999, 31_999, 59_999, 59_999, 59_999]);
  });

  it("is uniform between 0 and the ceiling (full jitter)", () => {
    expect(backoffDelay(4, { random: () => 0 })).toBe(0);
    expect(backoffDelay(4, { random: () => 0.25 })).toBe(4_000);
    expect(backoffDelay(100, { random: () => 0.5 })).toBe(30_000);
  });

  it("never leaves [0, cap) even with a misbehaving random source", () => {
    expect(backoffDelay(10, { random: () => 1 })).toBeLessThan(60_000);
    expect(backoffDelay(10, { random: () => -3 })).toBe(0);
  });

  it("honours a custom base and cap", () => {
    expect(backoffDelay(3, { baseMs: 100, capMs: 500, random: () => 0.5 })).toBe(250);
  });

  it("uses Math.random by default and stays in range", () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(60_000, 1_000 * 2 ** attempt));
    }
  });
});
