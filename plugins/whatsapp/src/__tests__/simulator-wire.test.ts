import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { simulatorWireLog } from "../modules/whatsapp/gateway/simulator-wire";

describe("simulatorWireLog", () => {
  it("is off unless WHATSAPP_SIMULATOR_WIRE_LOG names a file", () => {
    expect(simulatorWireLog({})).toBeUndefined();
    expect(simulatorWireLog({ WHATSAPP_SIMULATOR_WIRE_LOG: "  " })).toBeUndefined();
  });

  it("appends one JSON line per transmission, in order", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wire-")), "wire.jsonl");
    const log = simulatorWireLog({ WHATSAPP_SIMULATOR_WIRE_LOG: file })!;
    log({ messageId: "SIMA", to: "+60123456789", text: "a", status: "pending", sentAt: "2026-12-06T08:00:00.000Z" });
    log({ messageId: "SIMA", to: "+60123456789", text: "a", status: "pending", sentAt: "2026-12-06T08:00:05.000Z" });
    expect(readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l))).toEqual([
      { wa_message_id: "SIMA", to: "+60123456789", at: "2026-12-06T08:00:00.000Z" },
      { wa_message_id: "SIMA", to: "+60123456789", at: "2026-12-06T08:00:05.000Z" },
    ]);
  });
});
