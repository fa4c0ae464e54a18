import { describe, expect, it } from "vitest";
import { recordEvents } from "../contract/index.js";
import { TransportSendError } from "../errors.js";
import { SimulatorTransport } from "../simulator/simulator-transport.js";
import { boomError, refusalError } from "../testing/fake-baileys.js";
import { baileysHarness, settle } from "../testing/harnesses.js";
import { newChatCapLimits, timelockUntil } from "./baileys-transport.js";

const NOW = new Date("2026-12-07T02:00:00.000Z");
const CUSTOMER = "+60123456789";

describe("timelockUntil (Baileys 7 ReachoutTimelockState)", () => {
  it.each([
    ["no state", undefined, null],
    ["inactive", { isActive: false, enforcementType: "DEFAULT" }, null],
    ["active with an end", { isActive: true, timeEnforcementEnds: new Date("2026-12-07T05:00:00Z") }, "2026-12-07T05:00:00.000Z"],
    ["active but already over", { isActive: true, timeEnforcementEnds: new Date("2026-12-07T01:00:00Z") }, null],
    ["active without an end: an hour, until read again", { isActive: true }, "2026-12-07T03:00:00.000Z"],
  ])("%s", (_name, state, until) => expect(timelockUntil(state, NOW)).toBe(until));

  it("reads the cap and its use, ignoring what is not a count", () => {
    expect(newChatCapLimits({ total_quota: 40, used_quota: 12, capping_status: "FIRST_WARNING" })).toEqual({ newChatMessageCap: 40, newChatMessagesUsed: 12 });
    expect(newChatCapLimits({ capping_status: "NONE" })).toEqual({ newChatMessageCap: null, newChatMessagesUsed: null });
    expect(newChatCapLimits({ total_quota: "30", used_quota: "x" } as never)).toEqual({ newChatMessageCap: 30, newChatMessagesUsed: null });
    expect(newChatCapLimits(undefined)).toEqual({ newChatMessageCap: null, newChatMessagesUsed: null });
  });
});

describe("BaileysTransport account signals", () => {
  it("sends chat presence to the customer's JID", async () => {
    const { transport, fake } = baileysHarness();
    await transport.connect();
    await transport.sendPresence(CUSTOMER, "composing");
    expect(fake.latest().presences).toEqual([{ type: "composing", toJid: "60123456789@s.whatsapp.net" }]);
  });

  it("a failed cap query reads as no cap; a failed timelock query fails the call", async () => {
    const { transport, fake } = baileysHarness();
    await transport.connect();
    fake.latest().reachoutTimelock = { isActive: true, timeEnforcementEnds: new Date(Date.now() + 60_000) };
    fake.latest().failNextCapQuery = refusalError(500, "internal-server-error");
    const limits = await transport.accountLimits();
    expect(limits.newChatMessageCap).toBeNull();
    expect(limits.reachoutTimelockUntil).not.toBeNull();
    fake.latest().failNextTimelockQuery = boomError("Timed Out", 408);
    await expect(transport.accountLimits()).rejects.toThrow("Timed Out");
  });

  it("announces the timelock the query brings back, like Baileys' connection.update", async () => {
    const { transport, fake } = baileysHarness();
    await transport.connect();
    const limits = recordEvents(transport, "limits");
    fake.latest().setReachoutTimelock({ isActive: true, timeEnforcementEnds: new Date(Date.now() + 60_000) }, false);
    await transport.accountLimits();
    await settle();
    expect(limits).toHaveLength(1);
    expect(limits[0]!.reachoutTimelockUntil).not.toBeNull();
  });

  it("other send errors stay as they were (the outbox retries them)", async () => {
    const { transport, fake } = baileysHarness();
    await transport.connect();
    fake.latest().failNextSend(boomError("Connection Closed", 428));
    const error = await transport.sendText(CUSTOMER, "Hai", { idempotencyKey: "k" }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(TransportSendError);
    expect((error as Error).message).toBe("Connection Closed");
  });

  it("a refused ack with an unknown code is a plain rejection", async () => {
    const { transport, fake } = baileysHarness();
    await transport.connect();
    const failures = recordEvents(transport, "sendFailed");
    const { messageId } = await transport.sendText(CUSTOMER, "Hai", { idempotencyKey: "k" });
    fake.latest().failedAck(messageId, 479);
    await settle();
    expect(failures).toEqual([expect.objectContaining({ messageId, code: "rejected", statusCode: 479 })]);
  });
});

describe("SimulatorTransport account signals", () => {
  it("refuses sends with 463 while a simulated timelock runs, and sends again once it is lifted", async () => {
    const transport = new SimulatorTransport();
    await transport.connect();
    transport.simulateLimits({ reachoutTimelockUntil: new Date(Date.now() + 3_600_000).toISOString() });
    await expect(transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "a" })).rejects.toMatchObject({ statusCode: 463, code: "account_restricted" });
    expect(transport.sentMessages()).toHaveLength(0);
    transport.simulateLimits({ reachoutTimelockUntil: null });
    await transport.sendText(CUSTOMER, "Promosi", { idempotencyKey: "a" });
    expect(transport.sentMessages()).toHaveLength(1);
  });

  it("an expired simulated timelock no longer counts", async () => {
    const transport = new SimulatorTransport();
    await transport.connect();
    transport.simulateLimits({ reachoutTimelockUntil: new Date(Date.now() - 1000).toISOString(), newChatMessageCap: 30 });
    expect(await transport.accountLimits()).toEqual({ reachoutTimelockUntil: null, newChatMessageCap: 30, newChatMessagesUsed: null });
  });
});
