import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { shopYear } from "@voltura/domain";
import { authHeaders, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { expectLedgerBalanced, newKey, seedPosFixture, stockedAt, type PosFixture } from "./pos.fixtures";

medusaIntegrationTestRunner({
  dbName: "voltura_it_pos_checkout",
  testSuite: ({ api, getContainer }) => {
    let fx: PosFixture;
    let cashier: StaffHeaders;
    let manager: StaffHeaders;
    const year = shopYear(new Date());

    beforeAll(async () => {
      fx = await seedPosFixture(getContainer());
    });

    beforeEach(async () => {
      cashier = await newStaffHeaders(getContainer(), "cashier");
      manager = await authHeaders(fx.manager.id, "manager");
    });

    const stock = (key: keyof PosFixture["inventoryItems"]) => stockedAt(getContainer(), fx.inventoryItems[key]!, fx.shop.stockLocationId);

    it("finds products and services by barcode, SKU and name", async () => {
      const byBarcode = (await api.get("/admin/pos/catalogue?code=9555000900028", cashier)).data.items;
      expect(byBarcode).toEqual([expect.objectContaining({ sku: "T-POS-USBC", kind: "product", price_sen: 1990, available: 10, taxable: true })]);
      const bySku = (await api.get("/admin/pos/catalogue?q=T-POS-SVC", cashier)).data.items;
      expect(bySku[0]).toMatchObject({ title: "Screen Fitting", kind: "service", available: null, sst_rate_bp: 600 });
      const byName = (await api.get("/admin/pos/catalogue?q=cable", cashier)).data.items;
      expect(byName.map((i: { sku: string }) => i.sku)).toContain("T-POS-USBC");
      const bad = await settle(api.get("/admin/pos/catalogue", cashier));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toMatch(/q/);
    });

    it("checks out a split cash + DuitNow sale: SST per item, rounding only on the cash part, an order in the Counter channel", async () => {
      const before = { protector: await stock("protector"), cable: await stock("cable"), card: await stock("card") };
      const res = await api.post("/admin/pos/checkout", {
        idempotency_key: newKey(),
        customer: { phone: "012-777 8888", name: "Walk In" },
        lines: [
          { variant_id: fx.variants.protector, quantity: 2 }, { variant_id: fx.variants.cable, quantity: 1 },
          { variant_id: fx.variants.labour, quantity: 1 }, { variant_id: fx.variants.card, quantity: 1 },
        ],
        payments: [{ method: "duitnow_qr", amount_sen: 5000, reference: "DN-1" }, { method: "cash", amount_sen: 8000 }],
      }, cashier);
      expect(res.status).toBe(201);
      const sale = res.data.sale;
      // 8%: 6990 → 559.2 → 559; 6%: 3000 → 180; exempt 1000. Total 11729; cash part 6729 → 6730.
      expect(sale).toMatchObject({
        receipt_number: expect.stringMatching(new RegExp(`^RCP-${year}-\\d{6}$`)), subtotal_sen: 10_990, sst_sen: 739, total_sen: 11_729,
        cash_rounding_sen: 1, rounded_total_sen: 11_730, tendered_sen: 13_000, paid_sen: 11_730, change_sen: 1270, balance_due_sen: 0,
        customer_phone: "+60127778888",
      });
      expect(sale.sst_by_rate).toEqual([{ sst_rate_bp: 600, taxable_sen: 3000, sst_sen: 180 }, { sst_rate_bp: 800, taxable_sen: 6990, sst_sen: 559 }]);
      expect(sale.lines.reduce((s: number, l: { total_sen: number }) => s + l.total_sen, 0)).toBe(11_729);
      const byMethod = Object.fromEntries(sale.payments.map((p: { method: string }) => [p.method, p]));
      expect(byMethod.cash).toMatchObject({ amount_sen: 6730, tendered_sen: 8000, change_sen: 1270, cash_rounding_sen: 1 });
      expect(byMethod.duitnow_qr).toMatchObject({ amount_sen: 5000, tendered_sen: 5000, change_sen: 0, cash_rounding_sen: 0, reference: "DN-1" });
      expect(sale.customer_id).toEqual(expect.any(String));

      const { data } = await getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "sales_channel_id", "customer_id", "total", "tax_total", "metadata", "items.variant_id", "items.quantity", "items.tax_lines.rate", "transactions.amount"],
        filters: { id: sale.order_id },
      });
      const order: { sales_channel_id: string; customer_id: string; total: unknown; metadata: Record<string, unknown>; items: unknown[]; transactions: Array<{ amount: unknown }> } = data[0];
      expect(order).toMatchObject({ sales_channel_id: fx.shop.counterChannelId, customer_id: sale.customer_id });
      expect(order.metadata).toMatchObject({ source: "pos", receipt_number: sale.receipt_number, pos_sale_id: sale.id });
      expect(Math.round(Number(order.total) * 100)).toBe(11_729);
      expect(order.items).toHaveLength(4);
      expect(order.transactions.map((t) => Math.round(Number(t.amount) * 100)).sort((a, b) => a - b)).toEqual([5000, 6730]);

      expect(await stock("protector")).toBe(before.protector - 2);
      expect(await stock("cable")).toBe(before.cable - 1);
      expect(await stock("card")).toBe(before.card - 1);
      await expectLedgerBalanced(getContainer());

      const receipt = await api.get(`/admin/pos/sales/${sale.id}/receipt?layout=thermal80`, { ...cashier, responseType: "arraybuffer" });
      expect(receipt.headers["content-type"]).toBe("application/pdf");
      expect(Buffer.from(receipt.data).subarray(0, 5).toString()).toBe("%PDF-");
      const emailed = await api.post(`/admin/pos/sales/${sale.id}/send`, { channel: "email", to: "walkin@example.com" }, cashier);
      expect(emailed.data).toEqual({ sent: true, channel: "email" });
      const badSend = await settle(api.post(`/admin/pos/sales/${sale.id}/send`, { channel: "email", to: "not-an-email" }, cashier));
      expect(badSend.status).toBe(400);
      expect(badSend.data.message).toMatch(/to/);
      const listed = (await api.get(`/admin/pos/sales?from=${new Date(Date.now() - 3_600_000).toISOString()}&to=${new Date(Date.now() + 60_000).toISOString()}`, cashier)).data;
      expect(listed.sales.map((s: { id: string }) => s.id)).toContain(sale.id);
    });

    it("replays one idempotency key sent five times at once: one sale, one receipt number, stock moved once", async () => {
      const before = await stock("cable");
      const body = { idempotency_key: newKey("replay"), lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "card", amount_sen: 2149 }] };
      const answers = await Promise.all(Array.from({ length: 5 }, () => settle(api.post("/admin/pos/checkout", body, cashier))));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
      const numbers = new Set(answers.map((a) => a.data.sale.receipt_number));
      expect(numbers.size).toBe(1);
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      const rows = await pg.raw(`SELECT count(*)::int AS n FROM pos_sale WHERE idempotency_key = ?`, [body.idempotency_key]);
      expect(rows.rows[0].n).toBe(1);
      expect(await stock("cable")).toBe(before - 1);
      const reused = await settle(api.post("/admin/pos/checkout", { ...body, payments: [{ method: "cash", amount_sen: 5000 }] }, cashier));
      expect(reused.status).toBe(409);
      expect(reused.data.code).toBe("idempotency_key_reused");
      await expectLedgerBalanced(getContainer());
    });

    it("refuses an out-of-stock sale with 409 until a manager overrides it, and records who approved", async () => {
      const body = { lines: [{ variant_id: fx.variants.screen, quantity: 2 }], payments: [{ method: "card", amount_sen: 38_880 }] };
      const refused = await settle(api.post("/admin/pos/checkout", { ...body, idempotency_key: newKey() }, cashier));
      expect(refused.status).toBe(409);
      expect(refused.data).toMatchObject({ code: "out_of_stock", items: [expect.objectContaining({ requested: 2, available: 1 })] });
      const noManager = await settle(api.post("/admin/pos/checkout", { ...body, idempotency_key: newKey(), stock_override: true }, cashier));
      expect(noManager.status).toBe(403);
      expect(noManager.data.code).toBe("approval_required");
      const wrong = await settle(api.post("/admin/pos/checkout", {
        ...body, idempotency_key: newKey(), stock_override: true, manager_approval: { email: fx.manager.email, password: "not-it" },
      }, cashier));
      expect(wrong.status).toBe(401);
      expect(await stock("screen")).toBe(1);

      const approved = await api.post("/admin/pos/checkout", {
        ...body, idempotency_key: newKey(), stock_override: true, manager_approval: { email: fx.manager.email, password: fx.manager.password },
      }, cashier);
      expect(approved.status).toBe(201);
      expect(approved.data.sale.lines[0].stock_override).toBe(true);
      expect(approved.data.sale.approvals).toEqual([expect.objectContaining({
        kind: "stock_override", method: "credentials", approved_by: fx.manager.id, approved_by_name: "Mei Ling Manager",
      })]);
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      const rows = await knex("audit_entry").where({ entity_id: approved.data.sale.id }).orderBy("occurred_at");
      expect(rows.map((r: { action: string }) => r.action)).toEqual(["pos.sale", "pos.approval"]);
      expect(rows[1]).toMatchObject({ actor_role: "cashier", metadata: expect.objectContaining({ kind: "stock_override", approved_by: fx.manager.id }) });
      expect(await stock("screen")).toBe(-1);
      await expectLedgerBalanced(getContainer());
    });

    it("needs a manager for a discount above the cashier's limit; a manager's own session approves it", async () => {
      const body = { lines: [{ variant_id: fx.variants.protector, quantity: 1, discount: { kind: "percent", percent_bp: 2000 } }], payments: [{ method: "card", amount_sen: 2160 }] };
      const refused = await settle(api.post("/admin/pos/checkout", { ...body, idempotency_key: newKey() }, cashier));
      expect(refused.status).toBe(403);
      expect(refused.data).toMatchObject({ code: "approval_required", approvals: [expect.objectContaining({ field: "lines.0.discount", exceeded: ["percent"] })] });
      const ok = await api.post("/admin/pos/checkout", { ...body, idempotency_key: newKey() }, manager);
      expect(ok.data.sale).toMatchObject({ discount_sen: 500, total_sen: 2160 });
      expect(ok.data.sale.approvals).toEqual([expect.objectContaining({ kind: "discount", method: "session", approved_by: fx.manager.id })]);
      await expectLedgerBalanced(getContainer());
    });

    it("answers bad input with a 400 naming the field and sells nothing", async () => {
      const before = await stock("cable");
      const short = await settle(api.post("/admin/pos/checkout", {
        idempotency_key: newKey(), lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "cash", amount_sen: 1000 }],
      }, cashier));
      expect(short.status).toBe(400);
      expect(short.data.message).toMatch(/payments/);
      const unknown = await settle(api.post("/admin/pos/checkout", { idempotency_key: newKey(), lines: [{ variant_id: "variant_nope", quantity: 1 }] }, cashier));
      expect(unknown.status).toBe(400);
      expect(unknown.data.message).toMatch(/lines\.0\.variant_id/);
      const card = await settle(api.post("/admin/pos/checkout", {
        idempotency_key: newKey(), lines: [{ variant_id: fx.variants.cable, quantity: 1 }], payments: [{ method: "card", amount_sen: 9999 }],
      }, cashier));
      expect(card.status).toBe(400);
      expect(card.data.message).toMatch(/payments\[0\]\.amount_sen/);
      const noKey = await settle(api.post("/admin/pos/checkout", { lines: [{ variant_id: fx.variants.cable, quantity: 1 }] }, cashier));
      expect(noKey.status).toBe(400);
      expect(noKey.data.message).toMatch(/idempotency_key/);
      expect(await stock("cable")).toBe(before);
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION);
      expect((await pg.raw(`SELECT count(*)::int AS n FROM pos_sale WHERE status = 'pending'`)).rows[0].n).toBe(0);
    });
  },
});
