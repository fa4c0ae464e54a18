import { beforeEach, describe, expect, it, vi } from "vitest";
import type { MedusaContainer } from "@medusajs/framework/types";

const db = vi.hoisted(() => ({ claims: [] as Array<Record<string, unknown> | null> }));
const commit = vi.hoisted(() => vi.fn());
const outbox = vi.hoisted(() => ({ finish: vi.fn(), lease: vi.fn() }));
const prepare = vi.hoisted(() => vi.fn());

vi.mock("@voltura/medusa-kit", async (original) => ({
  ...(await original<typeof import("@voltura/medusa-kit")>()),
  sqlConnection: () => ({}),
  rows: async () => { const next = db.claims.shift(); return next ? [next] : []; },
}));
vi.mock("../workflows/steps/checkout-commit", () => ({ commitCheckout: commit }));
vi.mock("../workflows/steps/checkout-outbox", () => ({ finishCheckoutOutbox: outbox.finish, takeOutboxLease: outbox.lease }));
vi.mock("../workflows/steps/prepare-checkout", () => ({ prepareCheckout: prepare }));

const { checkoutPosSale } = await import("../workflows/steps/checkout");

// A fake: the checkout reads only the logger from the container.
const container = { resolve: () => ({ warn: vi.fn() }) } as unknown as MedusaContainer;
const body = { idempotency_key: "k1", register_id: "main", lines: [{ variant_id: "v1", quantity: 1 }], payments: [] } as never;
const claim = (status: string, over: Record<string, unknown> = {}) => ({
  id: "psale_1", status, request_hash: "h1", receipt_number: "RCP-2026-000001", lease_until: null, created_at: new Date(Date.now() - 120_000), ...over,
});

describe("checkoutPosSale", () => {
  let approver: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    db.claims = [];
    vi.clearAllMocks();
    approver = vi.fn(async () => null);
    prepare.mockResolvedValue({ sale_id: "psale_new" });
    outbox.finish.mockResolvedValue(true);
  });
  const run = (hash = "h1") => checkoutPosSale(container, { body, request_hash: hash, cashier: { id: "u1", name: "Siti" }, approver });

  it("sells a new key: prepare, one transaction, then the outbox", async () => {
    commit.mockResolvedValue({ committed: true, sale_id: "psale_new", receipt_number: "RCP-2026-000002" });
    expect(await run()).toEqual({ sale_id: "psale_new", receipt_number: "RCP-2026-000002", replayed: false });
    expect(commit).toHaveBeenCalledTimes(1);
    expect(outbox.finish).toHaveBeenCalledWith(container, "psale_new");
  });

  it("answers a committed sale even when its outbox fails right after the commit (the recovery finishes it)", async () => {
    commit.mockResolvedValue({ committed: true, sale_id: "psale_new", receipt_number: "RCP-2026-000002" });
    outbox.finish.mockRejectedValue(new Error("order module down"));
    expect(await run()).toMatchObject({ sale_id: "psale_new", replayed: false });
  });

  it("replays a completed sale without preparing or asking for a manager", async () => {
    db.claims = [claim("completed")];
    expect(await run()).toEqual({ sale_id: "psale_1", receipt_number: "RCP-2026-000001", replayed: true });
    expect(prepare).not.toHaveBeenCalled();
    expect(approver).not.toHaveBeenCalled();
  });

  it("refuses the key with another body (409 idempotency_key_reused)", async () => {
    db.claims = [claim("completed")];
    await expect(run("other")).rejects.toMatchObject({ type: "conflict", details: { code: "idempotency_key_reused" } });
  });

  it("finishes the outbox of a committed sale whose lease ran out, under the lease", async () => {
    db.claims = [claim("committed", { lease_until: new Date(Date.now() - 1000) })];
    outbox.lease.mockResolvedValue(true);
    expect(await run()).toMatchObject({ sale_id: "psale_1", replayed: true });
    expect(outbox.finish).toHaveBeenCalledWith(container, "psale_1");
    expect(commit).not.toHaveBeenCalled();
  });

  it("waits for a live holder, then answers the sale it completed", async () => {
    db.claims = [claim("committed", { lease_until: new Date(Date.now() + 30_000) }), claim("completed")];
    expect(await run()).toMatchObject({ sale_id: "psale_1", replayed: true });
    expect(outbox.finish).not.toHaveBeenCalled();
  });

  it("takes over a dead pending claim by selling afresh; a racing taker that won is answered instead", async () => {
    db.claims = [claim("pending"), claim("completed")];
    commit.mockResolvedValueOnce({ committed: false });
    expect(await run()).toEqual({ sale_id: "psale_1", receipt_number: "RCP-2026-000001", replayed: true });
    expect(commit).toHaveBeenCalledTimes(1);
  });

  it("asks for the manager once however many times the commit is tried", async () => {
    commit.mockResolvedValueOnce({ committed: false }).mockResolvedValueOnce({ committed: true, sale_id: "psale_2", receipt_number: "RCP-2026-000004" });
    expect(await run()).toEqual({ sale_id: "psale_2", receipt_number: "RCP-2026-000004", replayed: false });
    expect(commit).toHaveBeenCalledTimes(2);
    expect(prepare).toHaveBeenCalledTimes(2);
    expect(approver).toHaveBeenCalledTimes(1);
  });
});
