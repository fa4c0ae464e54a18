import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { posCheckoutBodySchema } from "@voltura/contracts";
import { commitPosCheckout, recoverPosCheckouts, requestHash } from "@voltura/plugin-pos/workflows";
import { authHeaders, createStaffUser, settle, type Pg, type StaffHeaders } from "./helpers";
import { expectLedgerBalanced, newKey, seedPosFixture, stockedAt, type PosFixture } from "./pos.fixtures";

/** Crashes between the steps of a counter sale, and what a retry or the recovery makes of them. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_pos_checkout_recovery",
  testSuite: ({ api, getContainer }) => {
    let fx: PosFixture;
    let cashier: StaffHeaders;
    let cashierId: string;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    const stock = (key: "cable" | "protector" | "screen") => stockedAt(getContainer(), fx.inventoryItems[key]!, fx.shop.stockLocationId);
    const cableSale = (key: string, quantity = 1) => ({
      idempotency_key: key, lines: [{ variant_id: fx.variants.cable, quantity }], payments: [{ method: "card", amount_sen: 2149 * quantity }],
    });

    beforeAll(async () => {
      fx = await seedPosFixture(getContainer());
    });

    beforeEach(async () => {
      cashierId = (await createStaffUser(getContainer(), "cashier")).id;
      cashier = await authHeaders(cashierId, "cashier");
    });

    async function ordersOf(saleId: string): Promise<Array<{ id: string; receipt_number: string }>> {
      const { rows } = await pg().raw<{ id: string; receipt_number: string }>(
        `SELECT id, metadata->>'receipt_number' AS receipt_number FROM "order" WHERE metadata->>'pos_sale_id' = ? AND deleted_at IS NULL`, [saleId]);
      return rows;
    }
    async function saleRow(key: string) {
      const { rows } = await pg().raw(`SELECT id, status, receipt_number, order_id, outbox FROM pos_sale WHERE idempotency_key = ? AND deleted_at IS NULL`, [key]);
      return rows;
    }
    async function saleMovements(saleId: string): Promise<number[]> {
      const { rows } = await pg().raw(`SELECT quantity_delta FROM stock_movement WHERE reference_type = 'pos_sale' AND reference_id = ? AND deleted_at IS NULL`, [saleId]);
      return rows.map((r) => Number(r.quantity_delta));
    }
    /** Every scenario ends here: on-hand == sum(ledger), every sale carried by exactly one counter order, no sale left unfinished. */
    async function expectConsistent(container: MedusaContainer) {
      await expectLedgerBalanced(container);
      const { rows } = await pg().raw(
        `SELECT s.id, s.order_id, (SELECT count(*)::int FROM "order" o WHERE o.metadata->>'pos_sale_id' = s.id AND o.deleted_at IS NULL) AS orders
           FROM pos_sale s WHERE s.deleted_at IS NULL`);
      for (const row of rows) expect(row).toMatchObject({ orders: 1, order_id: expect.any(String) });
      const { rows: stray } = await pg().raw(
        `SELECT o.id FROM "order" o WHERE o.metadata->>'source' = 'pos' AND o.deleted_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM pos_sale s WHERE s.id = o.metadata->>'pos_sale_id' AND s.deleted_at IS NULL)`);
      expect(stray).toEqual([]);
      const { rows: open } = await pg().raw(`SELECT id FROM pos_sale WHERE status <> 'completed' AND deleted_at IS NULL`);
      expect(open).toEqual([]);
    }
    /** A process that died right after the commit, its lease run out: the state the transaction leaves. */
    async function crashAfterCommit(body: Record<string, unknown>): Promise<string> {
      const parsed = posCheckoutBodySchema.parse(body);
      const outcome = await commitPosCheckout(getContainer(), {
        body: parsed, request_hash: requestHash(parsed), cashier: { id: cashierId, name: "Till 7" }, approver: async () => null,
      });
      if (!outcome.committed) throw new Error("the sale did not commit");
      await pg().raw(`UPDATE pos_sale SET lease_until = now() - interval '1 second' WHERE id = ?`, [outcome.sale_id]);
      return outcome.sale_id;
    }

    it("(a) a committed sale whose outbox never ran: a retry answers the one sale and makes its order once", async () => {
      const before = await stock("cable");
      const body = cableSale(newKey("crash-commit"), 2);
      const saleId = await crashAfterCommit(body);
      expect(await saleRow(body.idempotency_key)).toEqual([expect.objectContaining({ id: saleId, status: "committed", order_id: null })]);
      expect(await ordersOf(saleId)).toEqual([]);
      expect(await stock("cable")).toBe(before - 2);
      await expectLedgerBalanced(getContainer());

      const retried = await api.post("/admin/pos/checkout", body, cashier);
      expect(retried.status).toBe(200);
      expect(retried.data).toMatchObject({ replayed: true, sale: { id: saleId, order_id: expect.any(String) } });
      const orders = await ordersOf(saleId);
      expect(orders).toEqual([{ id: retried.data.sale.order_id, receipt_number: retried.data.sale.receipt_number }]);
      const again = await api.post("/admin/pos/checkout", body, cashier);
      expect(again.data.sale).toMatchObject({ id: saleId, order_id: orders[0]!.id });
      expect(await ordersOf(saleId)).toHaveLength(1);
      expect(await saleMovements(saleId)).toEqual([-2]);
      expect(await stock("cable")).toBe(before - 2);
      await expectConsistent(getContainer());
    });

    it("(a) the recovery routine alone finishes a committed sale, once, even run twice at the same time", async () => {
      const body = { ...cableSale(newKey("crash-recover")), customer: { phone: "013-246 8100", name: "Recovered Customer" } };
      const saleId = await crashAfterCommit(body);
      const [first, second] = await Promise.all([recoverPosCheckouts(getContainer()), recoverPosCheckouts(getContainer())]);
      expect([...first.finished, ...second.finished]).toEqual([saleId]);
      expect([...first.failed, ...second.failed]).toEqual([]);
      const [row] = await saleRow(body.idempotency_key);
      expect(row).toMatchObject({ status: "completed", outbox: null, order_id: expect.any(String) });
      expect(await ordersOf(saleId)).toEqual([{ id: row!.order_id, receipt_number: row!.receipt_number }]);
      const { rows: customers } = await pg().raw(`SELECT id FROM customer WHERE phone = '+60132468100' AND deleted_at IS NULL`);
      expect(customers).toHaveLength(1);
      const sale = (await api.get(`/admin/pos/sales/${saleId}`, cashier)).data.sale;
      expect(sale).toMatchObject({ customer_id: customers[0]!.id, order_id: row!.order_id });
      expect((await recoverPosCheckouts(getContainer())).finished).toEqual([]);
      await expectConsistent(getContainer());
    });

    it("(b) a pending claim left by a dead attempt, past its lease: a retry takes over and sells exactly once", async () => {
      const before = await stock("cable");
      const body = cableSale(newKey("dead-pending"));
      const first = await api.post("/admin/pos/checkout", body, cashier);
      const saleId = first.data.sale.id as string;
      const oldOrder = first.data.sale.order_id as string;
      // What the step-by-step checkout left when it died after the order and the stock movement.
      await pg().raw(`UPDATE pos_sale SET status = 'pending', receipt_number = NULL, order_id = NULL, lease_until = now() - interval '1 second' WHERE id = ?`, [saleId]);
      const stuck = await settle(api.post("/admin/pos/checkout", { ...body, payments: [{ method: "cash", amount_sen: 5000 }] }, cashier));
      expect(stuck.status).toBe(409);

      const retried = await api.post("/admin/pos/checkout", body, cashier);
      expect(retried.status).toBe(201);
      expect(retried.data.sale.id).toBe(saleId);
      expect(await saleMovements(saleId)).toEqual([-1]);
      expect(await stock("cable")).toBe(before - 1);
      const orders = await ordersOf(saleId);
      expect(orders).toEqual([{ id: retried.data.sale.order_id, receipt_number: retried.data.sale.receipt_number }]);
      expect(orders[0]!.id).not.toBe(oldOrder);
      expect(await saleRow(body.idempotency_key)).toHaveLength(1);
      await expectConsistent(getContainer());
    });

    it("(b) the recovery removes a dead pending claim nobody retries: stock back, order gone, key free", async () => {
      const before = await stock("protector");
      const body = { idempotency_key: newKey("abandoned"), lines: [{ variant_id: fx.variants.protector, quantity: 3 }], payments: [{ method: "card", amount_sen: 8100 }] };
      const first = await api.post("/admin/pos/checkout", body, cashier);
      const saleId = first.data.sale.id as string;
      await pg().raw(`UPDATE pos_sale SET status = 'pending', lease_until = NULL, created_at = now() - interval '10 minutes' WHERE id = ?`, [saleId]);
      const report = await recoverPosCheckouts(getContainer());
      expect(report.abandoned).toEqual([saleId]);
      expect(await saleRow(body.idempotency_key)).toEqual([]);
      expect(await saleMovements(saleId)).toEqual([]);
      expect(await ordersOf(saleId)).toEqual([]);
      expect(await stock("protector")).toBe(before);
      const again = await api.post("/admin/pos/checkout", body, cashier);
      expect(again.status).toBe(201);
      expect(await stock("protector")).toBe(before - 3);
      await expectConsistent(getContainer());
    });

    it("(c) ten concurrent sends of one key: one sale, one set of ledger rows, one order", async () => {
      const before = await stock("cable");
      const body = cableSale(newKey("ten"));
      const answers = await Promise.all(Array.from({ length: 10 }, () => settle(api.post("/admin/pos/checkout", body, cashier))));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.data.sale.id)).size).toBe(1);
      const saleId = answers[0]!.data.sale.id as string;
      expect(await saleRow(body.idempotency_key)).toHaveLength(1);
      expect(await saleMovements(saleId)).toEqual([-1]);
      expect(await stock("cable")).toBe(before - 1);
      expect(await ordersOf(saleId)).toHaveLength(1);
      await expectConsistent(getContainer());
    });

    it("(c) two tills selling the last unit at once: one sale, the other 409 out_of_stock with nothing written", async () => {
      const remaining = await stock("screen");
      expect(remaining).toBe(1);
      const bodies = [newKey("last-a"), newKey("last-b")].map((key) => ({
        idempotency_key: key, lines: [{ variant_id: fx.variants.screen, quantity: 1 }], payments: [{ method: "card", amount_sen: 19_440 }],
      }));
      const answers = await Promise.all(bodies.map((b) => settle(api.post("/admin/pos/checkout", b, cashier))));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.data.code).toBe("out_of_stock");
      expect(await stock("screen")).toBe(0);
      const { rows } = await pg().raw(`SELECT count(*)::int AS n FROM pos_sale WHERE idempotency_key = ANY(?::text[])`, [bodies.map((b) => b.idempotency_key)]);
      expect(rows[0]!.n).toBe(1);
      await expectConsistent(getContainer());
    });

    it("(d) a key reused with another body is a clear 409, before and after a crash", async () => {
      const body = cableSale(newKey("reuse"));
      await crashAfterCommit(body);
      const reused = await settle(api.post("/admin/pos/checkout", { ...body, payments: [{ method: "cash", amount_sen: 5000 }] }, cashier));
      expect(reused.status).toBe(409);
      expect(reused.data).toMatchObject({ code: "idempotency_key_reused", field: "idempotency_key" });
      const recovered = await api.post("/admin/pos/checkout/recover", {}, await authHeaders(fx.manager.id, "manager"));
      expect(recovered.data.recovery.finished).toHaveLength(1);
      const stillReused = await settle(api.post("/admin/pos/checkout", { ...body, lines: [{ variant_id: fx.variants.cable, quantity: 2 }] }, cashier));
      expect(stillReused.status).toBe(409);
      expect(stillReused.data.code).toBe("idempotency_key_reused");
      await expectConsistent(getContainer());
    });
  },
});
