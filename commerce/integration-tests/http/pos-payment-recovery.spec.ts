import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { posCheckoutBodySchema, posSalePaymentBodySchema } from "@voltura/contracts";
import { commitPosCheckout, commitPosPayment, commitReturn, recoverSaleOutbox, requestHash } from "@voltura/plugin-pos/workflows";
import { authHeaders, createStaffUser, settle, type StaffHeaders } from "./helpers";
import { expectLedgerBalanced, newKey, seedPosFixture, stockedAt, type PosFixture } from "./pos.fixtures";

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

/** Crashes between the steps of a balance payment or a return, concurrent copies and races, and what a retry or the recovery makes of them. */
medusaIntegrationTestRunner({
  dbName: "voltura_it_pos_payment_recovery",
  testSuite: ({ api, getContainer }) => {
    let fx: PosFixture;
    let cashier: StaffHeaders;
    let cashierId: string;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    const cableStock = () => stockedAt(getContainer(), fx.inventoryItems.cable!, fx.shop.stockLocationId);

    beforeAll(async () => {
      fx = await seedPosFixture(getContainer());
    });

    beforeEach(async () => {
      cashierId = (await createStaffUser(getContainer(), "cashier")).id;
      cashier = await authHeaders(cashierId, "cashier");
    });

    /** One cable (RM 21.49) with RM 10.00 paid by card: RM 11.49 due. */
    async function saleWithBalance(): Promise<{ id: string; order_id: string }> {
      const res = await api.post("/admin/pos/checkout", {
        idempotency_key: newKey("balance-sale"), lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "card", amount_sen: 1000 }], allow_balance_due: true,
      }, cashier);
      expect(res.data.sale).toMatchObject({ paid_sen: 1000, balance_due_sen: 1149 });
      return res.data.sale;
    }
    async function orderMoney(referenceId: string): Promise<number[]> {
      const { rows } = await pg().raw(`SELECT amount::float8 AS amount FROM order_transaction WHERE reference_id = ? AND deleted_at IS NULL`, [referenceId]);
      return rows.map((r) => Math.round(Number(r.amount) * 100));
    }
    async function paymentsOfKey(key: string): Promise<Array<{ id: string; amount_sen: number }>> {
      const { rows } = await pg().raw(`SELECT id, amount_sen FROM pos_payment WHERE starts_with(idempotency_key, ?) AND deleted_at IS NULL`, [`${key}:`]);
      return rows.map((r) => ({ id: String(r.id), amount_sen: Number(r.amount_sen) }));
    }
    async function openOutbox(): Promise<unknown[]> {
      return (await pg().raw(`SELECT id, task FROM pos_outbox WHERE done_at IS NULL AND deleted_at IS NULL`)).rows;
    }
    /** Every scenario ends here: ledger balanced, every sale's paid and refunded amounts equal to its rows, no outbox row left. */
    async function expectConsistent() {
      await expectLedgerBalanced(getContainer());
      const { rows } = await pg().raw(`SELECT s.id, s.paid_sen, s.refunded_sen, s.balance_due_sen, s.rounded_total_sen,
          (SELECT COALESCE(SUM(amount_sen), 0)::int FROM pos_payment p WHERE p.sale_id = s.id AND p.deleted_at IS NULL) AS payments_sen,
          (SELECT COALESCE(SUM(refund_sen), 0)::int FROM pos_return r WHERE r.sale_id = s.id AND r.deleted_at IS NULL) AS refunds_sen
        FROM pos_sale s WHERE s.deleted_at IS NULL`);
      for (const s of rows) {
        expect(Number(s.paid_sen)).toBe(Number(s.payments_sen));
        expect(Number(s.refunded_sen)).toBe(Number(s.refunds_sen));
        expect(Number(s.balance_due_sen)).toBe(Number(s.rounded_total_sen) - Number(s.paid_sen));
      }
      expect(await openOutbox()).toEqual([]);
      const integrity = (await api.get("/admin/integrity", await authHeaders(fx.manager.id, "manager"))).data.checks as Array<{ name: string; ok: boolean; breaches: unknown[] }>;
      for (const name of ["on_hand_matches_ledger", "stock_movements_have_documents", "pos_sales_complete"]) {
        expect(integrity.find((c) => c.name === name)).toMatchObject({ ok: true, breaches: [] });
      }
    }
    /** What a process that died right after the commit leaves, its lease run out. */
    async function expireLeases() {
      await pg().raw(`UPDATE pos_outbox SET lease_until = now() - interval '1 second' WHERE done_at IS NULL`);
    }

    it("a payment committed before a crash: the recovery adds its order transaction once, a retry answers it without paying twice", async () => {
      const sale = await saleWithBalance();
      const body = posSalePaymentBodySchema.parse({ idempotency_key: newKey("pay-crash"), payments: [{ method: "card", amount_sen: 500, reference: "T-1" }] });
      const outcome = await commitPosPayment(getContainer(), {
        sale_id: sale.id, ...body, request_hash: requestHash({ sale_id: sale.id, ...body }), received_by: "Till 7",
      });
      await expireLeases();
      const [payment] = outcome.payment_ids;
      expect(await orderMoney(payment!)).toEqual([]);
      expect((await api.get(`/admin/pos/sales/${sale.id}`, cashier)).data.sale).toMatchObject({ paid_sen: 1500, balance_due_sen: 649 });

      const [first, second] = await Promise.all([recoverSaleOutbox(getContainer()), recoverSaleOutbox(getContainer())]);
      expect([...first.done, ...second.done]).toEqual(outcome.outbox_ids);
      expect([...first.failed, ...second.failed]).toEqual([]);
      expect(await orderMoney(payment!)).toEqual([500]);
      expect((await recoverSaleOutbox(getContainer())).done).toEqual([]);

      const retried = await api.post(`/admin/pos/sales/${sale.id}/payments`, body, cashier);
      expect(retried.status).toBe(201);
      expect(retried.data.sale).toMatchObject({ paid_sen: 1500, balance_due_sen: 649 });
      expect(await paymentsOfKey(body.idempotency_key)).toEqual([{ id: payment, amount_sen: 500 }]);
      expect(await orderMoney(payment!)).toEqual([500]);
      await expectConsistent();
    });

    it("copies of one payment sent at once: one payment, every copy answered 201 with the same sale", async () => {
      const sale = await saleWithBalance();
      const body = { idempotency_key: newKey("pay-copies"), payments: [{ method: "card", amount_sen: 300 }] };
      const answers = await Promise.all(Array.from({ length: 5 }, () => settle(api.post(`/admin/pos/sales/${sale.id}/payments`, body, cashier))));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.data.sale))).size).toBe(1);
      expect(answers[0]!.data.sale).toMatchObject({ paid_sen: 1300, balance_due_sen: 849 });
      const payments = await paymentsOfKey(body.idempotency_key);
      expect(payments).toHaveLength(1);
      expect(await orderMoney(payments[0]!.id)).toEqual([300]);
      await expectConsistent();
    });

    it("a key reused with another body is 409 idempotency_key_reused, on the same sale or another", async () => {
      const sale = await saleWithBalance();
      const other = await saleWithBalance();
      const body = { idempotency_key: newKey("pay-reuse"), payments: [{ method: "card", amount_sen: 200 }] };
      expect((await api.post(`/admin/pos/sales/${sale.id}/payments`, body, cashier)).status).toBe(201);
      const changed = await settle(api.post(`/admin/pos/sales/${sale.id}/payments`, { ...body, payments: [{ method: "card", amount_sen: 201 }] }, cashier));
      expect(changed.status).toBe(409);
      expect(changed.data).toMatchObject({ code: "idempotency_key_reused", field: "idempotency_key" });
      const elsewhere = await settle(api.post(`/admin/pos/sales/${other.id}/payments`, body, cashier));
      expect(elsewhere.status).toBe(409);
      expect(elsewhere.data.code).toBe("idempotency_key_reused");
      expect((await api.get(`/admin/pos/sales/${other.id}`, cashier)).data.sale.paid_sen).toBe(1000);
      expect(await paymentsOfKey(body.idempotency_key)).toHaveLength(1);
      await expectConsistent();
    });

    it("two tills paying off the same balance at once: one payment wins, the other is refused with nothing written", async () => {
      const sale = await saleWithBalance();
      const bodies = [newKey("race-a"), newKey("race-b")].map((key) => ({ idempotency_key: key, payments: [{ method: "card", amount_sen: 1149 }] }));
      const answers = await Promise.all(bodies.map((b) => settle(api.post(`/admin/pos/sales/${sale.id}/payments`, b, cashier))));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.data.code).toBe("nothing_due");
      const paid = (await Promise.all(bodies.map((b) => paymentsOfKey(b.idempotency_key)))).flat();
      expect(paid).toHaveLength(1);
      expect((await api.get(`/admin/pos/sales/${sale.id}`, cashier)).data.sale).toMatchObject({ paid_sen: 2149, balance_due_sen: 0 });
      await expectConsistent();
    });

    it("a payment on a sale whose checkout is still committed waits for it (409 sale_in_progress), and finishes an abandoned one first", async () => {
      const checkout = posCheckoutBodySchema.parse({
        idempotency_key: newKey("committed"), lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "card", amount_sen: 1000 }], allow_balance_due: true,
      });
      const committed = await commitPosCheckout(getContainer(), { body: checkout, request_hash: requestHash(checkout), cashier: { id: cashierId, name: "Till 7" }, approver: async () => null });
      if (!committed.committed) throw new Error("the sale did not commit");
      const body = { idempotency_key: newKey("pay-committed"), payments: [{ method: "card", amount_sen: 1149 }] };
      const early = await settle(api.post(`/admin/pos/sales/${committed.sale_id}/payments`, body, cashier));
      expect(early.status).toBe(409);
      expect(early.data).toMatchObject({ code: "sale_in_progress", retry_after_seconds: expect.any(Number) });
      expect(await paymentsOfKey(body.idempotency_key)).toEqual([]);

      await pg().raw(`UPDATE pos_sale SET lease_until = now() - interval '1 second' WHERE id = ?`, [committed.sale_id]);
      const paid = await api.post(`/admin/pos/sales/${committed.sale_id}/payments`, body, cashier);
      expect(paid.status).toBe(201);
      expect(paid.data.sale).toMatchObject({ order_id: expect.any(String), paid_sen: 2149, balance_due_sen: 0 });
      expect(await orderMoney((await paymentsOfKey(body.idempotency_key))[0]!.id)).toEqual([1149]);
      expect((await settle(api.post("/admin/pos/sales/psale_missing/payments", body, cashier))).status).toBe(404);
      await expectConsistent();
    });

    it("a return committed before a crash: stock and ledger moved once, the refund recorded once, its order money and audit row added once", async () => {
      const sale = (await api.post("/admin/pos/checkout", {
        idempotency_key: newKey("return-sale"), lines: [{ variant_id: fx.variants.cable, quantity: 2 }], payments: [{ method: "card", amount_sen: 4298 }],
      }, cashier)).data.sale;
      const before = await cableStock();
      const body = { idempotency_key: newKey("return-crash"), lines: [{ line_id: sale.lines[0].id, quantity: 1 }], restock: true, refund_method: null, reason: null };
      const outcome = await commitReturn(getContainer(), {
        sale_id: sale.id, body, request_hash: requestHash({ sale_id: sale.id, ...body }), actor: { id: cashierId, name: "Till 7" }, approver: null,
        refund_limit_sen: 20_000, location_id: fx.shop.stockLocationId,
        audit: { action: "pos.refund", entity: "pos_sale", entity_id: sale.id, actor_id: cashierId, actor_role: "cashier", actor_name: "Till 7", request_id: "req-return-crash", ip: null },
      }, [fx.inventoryItems.cable!]);
      await expireLeases();
      expect(await cableStock()).toBe(before + 1);
      await expectLedgerBalanced(getContainer());
      expect(await orderMoney(outcome.return_id)).toEqual([]);
      const audit = async () => (await pg().raw(`SELECT metadata FROM audit_entry WHERE action = 'pos.refund' AND entity_id = ?`, [sale.id])).rows;
      expect(await audit()).toEqual([]);

      const recovered = await api.post("/admin/pos/checkout/recover", {}, await authHeaders(fx.manager.id, "manager"));
      expect(recovered.data.outbox.done).toHaveLength(3);
      expect(await orderMoney(outcome.return_id)).toEqual([-2149]);
      expect(await audit()).toEqual([{ metadata: expect.objectContaining({ return_id: outcome.return_id, refund_sen: 2149, refund_method: "card", restock: true }) }]);

      const retried = await api.post(`/admin/pos/sales/${sale.id}/returns`, { idempotency_key: body.idempotency_key, lines: body.lines, restock: true }, cashier);
      expect(retried.status).toBe(201);
      expect(retried.data.sale).toMatchObject({ refunded_sen: 2149, returns: [expect.objectContaining({ id: outcome.return_id, refund_sen: 2149 })] });
      expect(retried.data.sale.lines[0].returned_quantity).toBe(1);
      expect(await cableStock()).toBe(before + 1);
      expect(await orderMoney(outcome.return_id)).toEqual([-2149]);
      expect(await audit()).toHaveLength(1);
      const { rows: movements } = await pg().raw(`SELECT quantity_delta FROM stock_movement WHERE reference_type = 'pos_return' AND reference_id = ? AND deleted_at IS NULL`, [sale.id]);
      expect(movements.map((m) => Number(m.quantity_delta))).toEqual([1]);
      await expectConsistent();
    });

    it("copies of one return sent at once: one return, one restock, one refund, every copy answered 201", async () => {
      const sale = (await api.post("/admin/pos/checkout", {
        idempotency_key: newKey("return-copies-sale"), lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "cash", amount_sen: 5000 }],
      }, cashier)).data.sale;
      const before = await cableStock();
      const body = { idempotency_key: newKey("return-copies"), lines: [{ line_id: sale.lines[0].id, quantity: 1 }], restock: true, reason: "Wrong cable" };
      const answers = await Promise.all(Array.from({ length: 4 }, () => settle(api.post(`/admin/pos/sales/${sale.id}/returns`, body, cashier))));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(answers.map((a) => JSON.stringify(a.data.sale))).size).toBe(1);
      expect(answers[0]!.data.sale).toMatchObject({ refunded_sen: 2149, returns: [expect.objectContaining({ refund_method: "cash", paid_out_sen: 2150 })] });
      expect(await cableStock()).toBe(before + 1);
      const { rows } = await pg().raw(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'pos.refund' AND entity_id = ?`, [sale.id]);
      expect(rows[0]!.n).toBe(1);
      await expectConsistent();
    });
  },
});
