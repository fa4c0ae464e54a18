import { describe, expect, it, vi } from "vitest";
import { ensureNamespace, NAMESPACE_RETENTION_DAYS } from "./namespace.js";

function serviceFailingWith(error: unknown) {
  return { registerNamespace: vi.fn().mockRejectedValue(error) };
}

describe("ensureNamespace", () => {
  it("registers the namespace with its retention", async () => {
    const service = { registerNamespace: vi.fn().mockResolvedValue({}) };
    await expect(ensureNamespace(service, "voltura")).resolves.toBe("created");
    const request = service.registerNamespace.mock.calls[0]?.[0];
    expect(request.namespace).toBe("voltura");
    expect(Number(request.workflowExecutionRetentionPeriod.seconds)).toBe(NAMESPACE_RETENTION_DAYS * 86_400);
  });

  it("accepts a namespace that already exists", async () => {
    const alreadyExists = Object.assign(new Error("Namespace already exists."), { code: 6 });
    await expect(ensureNamespace(serviceFailingWith(alreadyExists), "voltura")).resolves.toBe("existed");
  });

  it("passes any other failure on", async () => {
    const denied = Object.assign(new Error("Request unauthorized."), { code: 7 });
    await expect(ensureNamespace(serviceFailingWith(denied), "voltura")).rejects.toThrow("unauthorized");
  });
});
