import { describe, expect, it, vi } from "vitest";
import { volturaErrorHandler } from "../error-handler.js";

function response() {
  const res = { statusCode: 0, body: undefined as unknown, status(code: number) { res.statusCode = code; return res; }, json(b: unknown) { res.body = b; return res; } };
  return res;
}

describe("volturaErrorHandler", () => {
  it.each([
    ["a URIError", new URIError("URI malformed")],
    ["Express's decode error", Object.assign(new Error("Failed to decode param '100%'"), { status: 400, statusCode: 400 })],
  ])("answers 400 for %s", (_label, err) => {
    const res = response();
    volturaErrorHandler()(err, { scope: { resolve: () => console } } as never, res as never, vi.fn());
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatchObject({ type: "invalid_data" });
  });

  it("leaves every other error to Medusa's handler", () => {
    const res = response();
    const logger = { error: vi.fn(), info: vi.fn() };
    volturaErrorHandler()(new Error("boom"), { scope: { resolve: () => logger }, path: "/x" } as never, res as never, vi.fn());
    expect(res.statusCode).toBe(500);
  });
});
