import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { startHealthServer } from "./health.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(state: string): Promise<string> {
  server = await startHealthServer(0, { taskQueue: "voltura-repair", namespace: "voltura", state: () => state });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("health server", () => {
  it("answers 200 with the worker's state while it runs", async () => {
    const res = await fetch(`${await serve("RUNNING")}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, taskQueue: "voltura-repair", namespace: "voltura", state: "RUNNING" });
  });

  it("answers 503 when the worker is not running", async () => {
    const res = await fetch(`${await serve("STOPPING")}/health`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, state: "STOPPING" });
  });

  it("answers 404 for anything else", async () => {
    const base = await serve("RUNNING");
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/health`, { method: "POST" })).status).toBe(404);
  });
});
