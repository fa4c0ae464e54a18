import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { createPromotionsWorkflow } from "@medusajs/medusa/core-flows";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { authHeaders, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { expectLedgerBalanced, newKey, seedPosFixture, stockedAt, type PosFixture } from "./pos.fixtures";

medusaIntegrationTestRunner({
  dbName: "voltura_it_pos_returns",
  testSuite: ({ api, getContainer }) => {
    let fx: PosFixture;
    let cashier: StaffHeaders;

    beforeAll(async () => {
      fx = await seedPosFixture(getContainer());
    });

    beforeEach(async () => {
      cashier = await newStaffHeaders(getContainer(), "cashier");
    });

    const stock = (key: keyof PosFixture["inventoryItems"]) => stockedAt(getContainer(), fx.inventoryItems[key]!, fx.shop.stockLocationId);
    const sell = async (body: Record<string, unknown>) => (await api.post("/admin/pos/checkout", { idempotency_key: newKey(), ...body }, cashier)).data.sale;

    it("refunds part of a sale against the original, restocks it, records who did it, and refuses returning more than was sold", async () => {
      // 3 × RM 19.90 = 59.70, SST 4.776 → 4.78: the line totals RM 64.48.
      const sale = await sell({ lines: [{ variant_id: fx.variants.cable, quantity: 3 }], payments: [{ method: "cash", amount_sen: 7000 }] });
      const afterSale = await stock("cable");
      const lineId = sale.lines[0].id;
      const key = newKey("return");
      const returnBody = { idempotency_key: key, lines: [{ line_id: lineId, quantity: 1 }], restock: true, refund_method: "cash", reason: "Wrong connector" };
      const res = await api.post(`/admin/pos/sales/${sale.id}/returns`, returnBody, cashier);
      expect(res.status).toBe(201);
      // One unit: 6448 / 3 = 2149.33 → 2149; paid out in cash rounded to RM 21.50.
      expect(res.data.sale.returns).toEqual([expect.objectContaining({
        refund_sen: 2149, paid_out_sen: 2150, cash_rounding_sen: 1, refund_method: "cash", restock: true, reason: "Wrong connector",
        created_by_name: "Test cashier", lines: [{ line_id: lineId, quantity: 1, refund_sen: 2149, title: "USB-C Cable 1m" }],
      })]);
      expect(res.data.sale).toMatchObject({ refunded_sen: 2149 });
      expect(res.data.sale.lines[0].returned_quantity).toBe(1);
      expect(await stock("cable")).toBe(afterSale + 1);
      await expectLedgerBalanced(getContainer());

      const replay = await api.post(`/admin/pos/sales/${sale.id}/returns`, returnBody, cashier);
      expect(replay.status).toBe(201);
      expect(replay.data.sale.returns).toHaveLength(1);
      expect(await stock("cable")).toBe(afterSale + 1);
      const reused = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, { ...returnBody, reason: undefined }, cashier));
      expect(reused.status).toBe(409);
      expect(reused.data).toMatchObject({ code: "idempotency_key_reused", field: "idempotency_key" });

      const over = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, {
        idempotency_key: newKey(), lines: [{ line_id: lineId, quantity: 3 }], restock: true, refund_method: "cash",
      }, cashier));
      expect(over.status).toBe(409);
      expect(over.data).toMatchObject({ code: "over_return", available: 2 });

      // Paid in cash: a refund to a card leaves the original tender and needs a manager.
      const toCard = { idempotency_key: newKey(), lines: [{ line_id: lineId, quantity: 2 }], restock: false, refund_method: "card" };
      const refused = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, toCard, cashier));
      expect(refused.status).toBe(403);
      expect(refused.data).toMatchObject({ code: "approval_required", rule: "method_not_tendered" });
      const rest = await api.post(`/admin/pos/sales/${sale.id}/returns`, { ...toCard, manager_approval: { email: fx.manager.email, password: fx.manager.password } }, cashier);
      expect(rest.data.sale.refunded_sen).toBe(6448);
      expect(rest.data.sale.returns[1]).toMatchObject({
        refund_sen: 4299, paid_out_sen: 4299, cash_rounding_sen: 0, restock: false, refund_method: "card",
        approved_by: fx.manager.id, approved_by_name: "Mei Ling Manager", approval_method: "credentials", approval_reasons: ["method_not_tendered"],
      });
      expect(rest.data.sale.returns[0]).toMatchObject({ approved_by: null, approval_reasons: [] });
      expect(await stock("cable")).toBe(afterSale + 1);
      await expectLedgerBalanced(getContainer());
    });

    /** The audit rows of a sale's refunds, oldest first. */
    async function refundAudit(saleId: string) {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      const { rows } = await pg.raw(`SELECT * FROM audit_entry WHERE action = 'pos.refund' AND entity_id = ? ORDER BY occurred_at, id`, [saleId]);
      return rows as Array<{ actor_id: string; actor_role: string; entity: string; changes: Record<string, { before: unknown; after: unknown }>; metadata: Record<string, unknown> }>;
    }

    it("refunds follow the original tender: a card sale in cash from the drawer needs a manager, who is recorded and audited", async () => {
      // RM 25.00 + 8% SST = RM 27.00, paid by card.
      const sale = await sell({ lines: [{ variant_id: fx.variants.protector, quantity: 1 }], payments: [{ method: "card", amount_sen: 2700 }] });
      const body = { idempotency_key: newKey("return"), lines: [{ line_id: sale.lines[0].id, quantity: 1 }], restock: true, refund_method: "cash", reason: "Cracked" };

      const refused = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, body, cashier));
      expect(refused.status).toBe(403);
      expect(refused.data).toMatchObject({ code: "approval_required", rule: "method_not_tendered", default_method: "card", refund_sen: 2700 });
      expect(refused.data.message).toContain("manager_approval");
      expect(refused.data.message).toContain("paid by card");
      expect((await api.get(`/admin/pos/sales/${sale.id}`, cashier)).data.sale).toMatchObject({ refunded_sen: 0, returns: [] });
      expect(await refundAudit(sale.id)).toEqual([]);

      const wrong = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, { ...body, manager_approval: { email: fx.manager.email, password: "not-the-password" } }, cashier));
      expect(wrong.status).toBe(401);

      const approved = await api.post(`/admin/pos/sales/${sale.id}/returns`, { ...body, manager_approval: { email: fx.manager.email, password: fx.manager.password } }, cashier);
      expect(approved.status).toBe(201);
      expect(approved.data.sale.returns).toEqual([expect.objectContaining({
        refund_method: "cash", refund_sen: 2700, paid_out_sen: 2700, created_by_name: "Test cashier",
        approved_by: fx.manager.id, approved_by_name: "Mei Ling Manager", approval_method: "credentials", approval_reasons: ["method_not_tendered"],
      })]);
      const [row] = await refundAudit(sale.id);
      expect(row).toMatchObject({
        actor_role: "cashier", entity: "pos_sale",
        changes: { refunded_sen: { before: 0, after: 2700 }, return_count: { before: 0, after: 1 } },
        metadata: { refund_method: "cash", refund_sen: 2700, approval_reasons: ["method_not_tendered"], approver: { id: fx.manager.id, name: "Mei Ling Manager", method: "credentials" } },
      });
      expect(JSON.stringify(row)).not.toContain(fx.manager.password);
    });

    it("without a method the refund goes back by the original tender and needs nobody", async () => {
      const sale = await sell({ lines: [{ variant_id: fx.variants.protector, quantity: 1 }], payments: [{ method: "card", amount_sen: 2700 }] });
      const res = await api.post(`/admin/pos/sales/${sale.id}/returns`, { idempotency_key: newKey("return"), lines: [{ line_id: sale.lines[0].id, quantity: 1 }], restock: true }, cashier);
      expect(res.status).toBe(201);
      expect(res.data.sale.returns[0]).toMatchObject({ refund_method: "card", paid_out_sen: 2700, approved_by: null, approval_reasons: [] });
      const [row] = await refundAudit(sale.id);
      expect(row!.metadata).toMatchObject({ refund_method: "card", method_asked: null, approver: null, approval_reasons: [] });
    });

    it("returning everything of a cash sale rounded down refunds what was paid, not the 2 sen the rounding kept", async () => {
      const sale = await sell({ lines: [{ variant_id: fx.variants.cable, quantity: 4 }], payments: [{ method: "cash", amount_sen: 9000 }] });
      expect(sale).toMatchObject({ total_sen: 8597, paid_sen: 8595 });
      const res = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, { idempotency_key: newKey("return"), lines: [{ line_id: sale.lines[0].id, quantity: 4 }], restock: true }, cashier));
      expect(res.status).toBe(201);
      expect(res.data.sale).toMatchObject({ refunded_sen: 8595 });
      expect(res.data.sale.returns[0]).toMatchObject({ refund_method: "cash", paid_out_sen: 8595 });
    });

    it("a refund above the shop's limit needs a manager; managers set the limit", async () => {
      const manager = await authHeaders(fx.manager.id, "manager");
      const settings = (await api.get("/admin/pos/settings", cashier)).data.settings;
      expect(settings.refund_approval_limit_sen).toBe(20_000);
      const byCashier = await settle(api.post("/admin/pos/settings", { ...settings, refund_approval_limit_sen: 100_000 }, cashier));
      expect(byCashier.status).toBe(403);
      const lowered = await api.post("/admin/pos/settings", { ...settings, refund_approval_limit_sen: 2000 }, manager);
      expect(lowered.data.settings).toMatchObject({ refund_approval_limit_sen: 2000, line: settings.line, cart: settings.cart });
      // A body without the refund limit keeps it.
      const kept = await api.post("/admin/pos/settings", { line: settings.line, cart: settings.cart }, manager);
      expect(kept.data.settings.refund_approval_limit_sen).toBe(2000);
      try {
        const sale = await sell({ lines: [{ variant_id: fx.variants.protector, quantity: 1 }], payments: [{ method: "card", amount_sen: 2700 }] });
        const body = { idempotency_key: newKey("return"), lines: [{ line_id: sale.lines[0].id, quantity: 1 }], restock: true, refund_method: "card" };
        const refused = await settle(api.post(`/admin/pos/sales/${sale.id}/returns`, body, cashier));
        expect(refused.status).toBe(403);
        expect(refused.data).toMatchObject({ code: "approval_required", rule: "above_refund_limit", limit_sen: 2000 });
        expect(refused.data.message).toContain("RM 20.00");
        // A manager signed in approves with their own session.
        const res = await api.post(`/admin/pos/sales/${sale.id}/returns`, body, manager);
        expect(res.data.sale.returns[0]).toMatchObject({ approved_by: fx.manager.id, approval_method: "session", approval_reasons: ["above_refund_limit"] });
        const [row] = await refundAudit(sale.id);
        expect(row).toMatchObject({ actor_id: fx.manager.id, actor_role: "manager", metadata: { approver: { id: fx.manager.id, method: "session" } } });
      } finally {
        await api.post("/admin/pos/settings", { ...settings, refund_approval_limit_sen: 20_000 }, manager);
      }
    });

    it("takes a partial payment, leaves the balance due, and settles it later with cash rounding", async () => {
      const sale = await sell({ lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "card", amount_sen: 1000 }], allow_balance_due: true });
      expect(sale).toMatchObject({ total_sen: 2149, paid_sen: 1000, balance_due_sen: 1149, cash_rounding_sen: 0 });
      const later = await api.post(`/admin/pos/sales/${sale.id}/payments`, { idempotency_key: newKey("pay"), payments: [{ method: "cash", amount_sen: 1200 }] }, cashier);
      expect(later.status).toBe(201);
      expect(later.data.sale).toMatchObject({ balance_due_sen: 0, paid_sen: 2150, cash_rounding_sen: 1, rounded_total_sen: 2150 });
      expect(later.data.sale.payments[1]).toMatchObject({ stage: "balance", method: "cash", amount_sen: 1150, tendered_sen: 1200, change_sen: 50, cash_rounding_sen: 1 });
      const again = await settle(api.post(`/admin/pos/sales/${sale.id}/payments`, { idempotency_key: newKey("pay"), payments: [{ method: "cash", amount_sen: 100 }] }, cashier));
      expect(again.status).toBe(409);
      expect(again.data.code).toBe("nothing_due");
      await expectLedgerBalanced(getContainer());
    });

    it("applies a promotion code from Medusa's promotion module before SST, and refuses an unknown code", async () => {
      await createPromotionsWorkflow(getContainer()).run({
        input: {
          promotionsData: [{
            code: "RAYA10", type: "standard", status: "active", is_automatic: false,
            application_method: { type: "percentage", target_type: "items", allocation: "across", value: 10, currency_code: "myr" },
          }],
        },
      });
      // 2 × RM 25.00 = 50.00, 10% off = 5.00, SST 8% on 45.00 = 3.60: RM 48.60.
      const sale = await sell({ lines: [{ variant_id: fx.variants.protector, quantity: 2 }], promo_codes: ["RAYA10"], payments: [{ method: "card", amount_sen: 4860 }] });
      expect(sale).toMatchObject({ promotion_discount_sen: 500, discount_sen: 500, sst_sen: 360, total_sen: 4860, promo_codes: ["RAYA10"] });
      expect(sale.lines[0]).toMatchObject({ promotion_sen: 500, net_sen: 4500 });
      const unknown = await settle(api.post("/admin/pos/checkout", {
        idempotency_key: newKey(), lines: [{ variant_id: fx.variants.protector, quantity: 1 }], promo_codes: ["NOPE"], payments: [{ method: "card", amount_sen: 2700 }],
      }, cashier));
      expect(unknown.status).toBe(400);
      expect(unknown.data.message).toMatch(/promo_codes\.0/);
    });

    it("runs a shift: one open per register, the closing count against float + cash kept − cash refunded", async () => {
      const opened = await api.post("/admin/pos/shifts", { register_id: "till-2", opening_float_sen: 20_000 }, cashier);
      expect(opened.status).toBe(201);
      const second = await settle(api.post("/admin/pos/shifts", { register_id: "till-2", opening_float_sen: 100 }, cashier));
      expect(second.status).toBe(409);
      expect(second.data.code).toBe("shift_open");

      // RM 21.49 → cash RM 21.50 kept; a card sale does not touch the drawer.
      const cashSale = await sell({ register_id: "till-2", lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "cash", amount_sen: 5000 }] });
      expect(cashSale.shift_id).toBe(opened.data.shift.id);
      await sell({ register_id: "till-2", lines: [{ variant_id: fx.variants.protector, quantity: 1 }], payments: [{ method: "card", amount_sen: 2700 }] });
      // Refund the cable in cash: RM 21.49 → RM 21.50 out of the drawer.
      await api.post(`/admin/pos/sales/${cashSale.id}/returns`, {
        idempotency_key: newKey(), lines: [{ line_id: cashSale.lines[0].id, quantity: 1 }], restock: true, refund_method: "cash",
      }, cashier);

      const closed = await api.post(`/admin/pos/shifts/${opened.data.shift.id}/close`, { counted_cash_sen: 19_950 }, cashier);
      expect(closed.data.shift).toMatchObject({
        status: "closed", opening_float_sen: 20_000, cash_sales_sen: 2150, cash_refunds_sen: 2150, expected_cash_sen: 20_000,
        counted_cash_sen: 19_950, variance_sen: -50, closed_by_name: "Test cashier",
      });
      const listed = (await api.get("/admin/pos/shifts?register_id=till-2", cashier)).data;
      expect(listed.current).toBeNull();
      const closeAgain = await settle(api.post(`/admin/pos/shifts/${opened.data.shift.id}/close`, { counted_cash_sen: 1 }, cashier));
      expect(closeAgain.status).toBe(409);
      await expectLedgerBalanced(getContainer());
    });
  },
});
