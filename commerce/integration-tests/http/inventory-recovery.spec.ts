import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { adjustStock, postStockTake, receivePurchaseOrder } from "@voltura/plugin-inventory/workflows";
import { settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { seedInventoryFixture, stockedAt, type InventoryItemKey, type InventoryFixture } from "./inventory.fixtures";

type Pg = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };

let keys = 0;
const newKey = (label: string) => `test-${label}-${Date.now()}-${++keys}`;

/**
 * Stock writes of the inventory plugin (adjustment, purchase-order receipt, stock-take posting) are one
 * transaction each: a crash inside it leaves nothing, concurrent copies of one request book once,
 * and two requests that cannot both fit leave exactly one booked. The ledger balances after each.
 */
medusaIntegrationTestRunner({
  dbName: "voltura_it_inventory_recovery",
  testSuite: ({ api, getContainer }) => {
    let fx: InventoryFixture;
    let manager: StaffHeaders;
    const pg = () => getContainer().resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION);
    const stock = (key: InventoryItemKey) => stockedAt(getContainer(), fx.items[key], fx.shop.stockLocationId);
    const count = async (sql: string, bindings: unknown[] = []) => Number((await pg().raw(`SELECT count(*)::int AS n FROM (${sql}) q`, bindings)).rows[0]!.n);

    /**
     * A crash inside the transaction: a trigger on the write that comes after the movements raises
     * (as a killed process would abort), reporting how many movements the transaction had written.
     */
    async function crashOn(table: string, when: string, movementsSql: string): Promise<void> {
      await pg().raw(`CREATE OR REPLACE FUNCTION inventory_test_crash() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'simulated crash with % movement(s) written', (SELECT count(*) FROM (${movementsSql}) m); END $$`);
      await pg().raw(`CREATE TRIGGER inventory_test_crash BEFORE UPDATE ON ${table} FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION inventory_test_crash()`);
    }
    const noCrash = () => pg().raw(`DROP TRIGGER IF EXISTS inventory_test_crash ON inventory_level; DROP TRIGGER IF EXISTS inventory_test_crash ON purchase_order;
      DROP TRIGGER IF EXISTS inventory_test_crash ON stock_take; DROP FUNCTION IF EXISTS inventory_test_crash()`);

    async function sentOrder(quantity: number): Promise<{ id: string; lineId: string }> {
      const supplier = await api.post("/admin/inventory/suppliers", { name: `Supplier ${newKey("s")}` }, manager);
      const created = await api.post("/admin/inventory/purchase-orders", {
        supplier_id: supplier.data.supplier.id, lines: [{ inventory_item_id: fx.items.cable, quantity, unit_cost_sen: 700 }],
      }, manager);
      await api.post(`/admin/inventory/purchase-orders/${created.data.purchase_order.id}/send`, {}, manager);
      return { id: created.data.purchase_order.id, lineId: created.data.purchase_order.lines[0].id };
    }

    async function countedTake(): Promise<string> {
      const opened = await api.post("/admin/inventory/stock-takes", { note: newKey("take") }, manager);
      const take = opened.data.stock_take;
      const line = take.lines.find((l: { inventory_item_id: string }) => l.inventory_item_id === fx.items.battery);
      await api.post(`/admin/inventory/stock-takes/${take.id}/counts`, { line_id: line.id, mode: "set", quantity: line.expected_quantity + 2 }, manager);
      return take.id;
    }

    beforeAll(async () => {
      fx = await seedInventoryFixture(getContainer());
    });

    beforeEach(async () => {
      manager = await newStaffHeaders(getContainer(), "manager");
    });

    afterEach(async () => {
      await noCrash();
      const check = await api.get("/admin/inventory/ledger-check", manager);
      expect(check.data.mismatches).toEqual([]);
      expect(check.data.ok).toBe(true);
      const integrity = await api.get("/admin/integrity", manager);
      const stockChecks = (integrity.data.checks as Array<{ name: string; breaches: unknown[] }>).filter((c) => ["on_hand_matches_ledger", "stock_movements_have_documents"].includes(c.name));
      expect(Object.fromEntries(stockChecks.map((c) => [c.name, c.breaches]))).toEqual({ on_hand_matches_ledger: [], stock_movements_have_documents: [] });
    });

    it("a crash inside an adjustment's transaction leaves no movement and no stock change; the retry books it once", async () => {
      const key = newKey("adjust-crash");
      const before = await stock("screen");
      await crashOn("inventory_level", `NEW.inventory_item_id = '${fx.items.screen}'`, `SELECT 1 FROM stock_movement WHERE idempotency_key = '${key}'`);
      const input = { inventory_item_id: fx.items.screen, reason: "damage" as const, quantity: 1, actor_id: "Test manager", idempotency_key: key };
      await expect(adjustStock(getContainer(), input)).rejects.toThrow("simulated crash with 1 movement(s) written");
      expect(await count(`SELECT 1 FROM stock_movement WHERE idempotency_key = ?`, [key])).toBe(0);
      expect(await stock("screen")).toBe(before);

      await noCrash();
      const { actor_id: _actor, ...body } = input;
      const retried = await api.post("/admin/inventory/adjustments", body, manager);
      expect(retried.status).toBe(201);
      expect(retried.data.adjustment).toMatchObject({ kind: "adjustment", reason: "damage", quantity_delta: -1, reference_type: "stock_adjustment" });
      expect(await count(`SELECT 1 FROM stock_movement WHERE idempotency_key = ?`, [key])).toBe(1);
      expect(await stock("screen")).toBe(before - 1);
    });

    it("a crash inside a receipt's transaction leaves the order, its lines, the stock and the ledger as they were", async () => {
      const po = await sentOrder(5);
      const key = newKey("receive-crash");
      const before = await stock("cable");
      await crashOn("purchase_order", `NEW.id = '${po.id}'`, `SELECT 1 FROM stock_movement WHERE reference_id = '${po.id}' AND kind = 'receipt'`);
      const input = { purchase_order_id: po.id, lines: [{ line_id: po.lineId, quantity: 2 }], received_by: "Test manager", idempotency_key: key };
      await expect(receivePurchaseOrder(getContainer(), input)).rejects.toThrow("simulated crash with 1 movement(s) written");
      expect(await count(`SELECT 1 FROM stock_movement WHERE reference_id = ?`, [po.id])).toBe(0);
      expect(await count(`SELECT 1 FROM purchase_order_receipt WHERE purchase_order_id = ?`, [po.id])).toBe(0);
      const order = (await api.get(`/admin/inventory/purchase-orders/${po.id}`, manager)).data.purchase_order;
      expect(order).toMatchObject({ status: "sent", lines: [expect.objectContaining({ quantity_received: 0 })] });
      expect(await stock("cable")).toBe(before);

      await noCrash();
      const body = { lines: input.lines, idempotency_key: key };
      const retried = await api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, body, manager);
      expect(retried.data.purchase_order).toMatchObject({ status: "partially_received", lines: [expect.objectContaining({ quantity_received: 2 })] });
      const replayed = await api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, body, manager);
      expect(replayed.status).toBe(200);
      expect(replayed.data.purchase_order.lines[0].quantity_received).toBe(2);
      expect(await stock("cable")).toBe(before + 2);
      const reused = await settle(api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { ...body, lines: [{ line_id: po.lineId, quantity: 1 }] }, manager));
      expect(reused).toMatchObject({ status: 409, data: { code: "idempotency_key_reused", field: "idempotency_key" } });
    });

    it("a crash inside a stock take's posting leaves it counting with no movement; posting again books it once", async () => {
      const takeId = await countedTake();
      const before = await stock("battery");
      await crashOn("stock_take", `NEW.id = '${takeId}' AND NEW.status = 'posted'`, `SELECT 1 FROM stock_movement WHERE reference_id = '${takeId}'`);
      await expect(postStockTake(getContainer(), { stock_take_id: takeId, posted_by: "Test manager" })).rejects.toThrow("simulated crash with 1 movement(s) written");
      expect(await count(`SELECT 1 FROM stock_movement WHERE reference_id = ?`, [takeId])).toBe(0);
      expect((await api.get(`/admin/inventory/stock-takes/${takeId}`, manager)).data.stock_take.status).toBe("counting");
      expect(await stock("battery")).toBe(before);

      await noCrash();
      const posted = await api.post(`/admin/inventory/stock-takes/${takeId}/post`, {}, manager);
      expect(posted.data.stock_take).toMatchObject({ status: "posted", posted_by: "Test manager" });
      expect(await stock("battery")).toBe(before + 2);
    });

    it("concurrent copies of one adjustment key book one movement and all answer it", async () => {
      const key = newKey("adjust-copies");
      const before = await stock("cable");
      const body = { inventory_item_id: fx.items.cable, reason: "found", quantity: 3, note: "Box in the back", idempotency_key: key };
      const answers = await Promise.all(Array.from({ length: 6 }, () => settle(api.post("/admin/inventory/adjustments", body, manager))));
      expect(answers.map((a) => a.status)).toEqual(Array(6).fill(201));
      expect(new Set(answers.map((a) => a.data.adjustment.id)).size).toBe(1);
      expect(await count(`SELECT 1 FROM stock_movement WHERE idempotency_key = ?`, [key])).toBe(1);
      expect(await stock("cable")).toBe(before + 3);

      const reused = await settle(api.post("/admin/inventory/adjustments", { ...body, quantity: 4 }, manager));
      expect(reused).toMatchObject({ status: 409, data: { code: "idempotency_key_reused", field: "idempotency_key" } });
      expect(await stock("cable")).toBe(before + 3);
    });

    it("one key sent at once for two different items (no shared lock): the key's unique index keeps one, the other is refused", async () => {
      const key = newKey("adjust-race");
      const [screenBefore, batteryBefore] = [await stock("screen"), await stock("battery")];
      const answers = await Promise.all((["screen", "battery"] as const).map((item) =>
        settle(api.post("/admin/inventory/adjustments", { inventory_item_id: fx.items[item], reason: "found", quantity: 1, idempotency_key: key }, manager))));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.data).toMatchObject({ code: "idempotency_key_reused" });
      expect(await count(`SELECT 1 FROM stock_movement WHERE idempotency_key = ?`, [key])).toBe(1);
      expect((await stock("screen")) - screenBefore + (await stock("battery")) - batteryBefore).toBe(1);
    });

    it("two concurrent posts of one stock take: one posting, both answered with it", async () => {
      const takeId = await countedTake();
      const before = await stock("battery");
      const answers = await Promise.all([0, 1].map(() => settle(api.post(`/admin/inventory/stock-takes/${takeId}/post`, {}, manager))));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(answers[0]!.data.stock_take.posted_at).toBe(answers[1]!.data.stock_take.posted_at);
      expect(await count(`SELECT 1 FROM stock_movement WHERE reference_type = 'stock_take' AND reference_id = ?`, [takeId])).toBe(1);
      expect(await stock("battery")).toBe(before + 2);
    });

    it("two concurrent receipts that together exceed the order: one is booked, the other refused with 400", async () => {
      const po = await sentOrder(5);
      const before = await stock("cable");
      const answers = await Promise.all(["a", "b"].map((copy) => settle(api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, {
        lines: [{ line_id: po.lineId, quantity: 3 }], idempotency_key: newKey(`receive-${copy}`),
      }, manager))));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
      expect(answers.find((a) => a.status === 400)!.data.message).toContain("lines.0.quantity: only 2 of 5 still outstanding");
      const order = (await api.get(`/admin/inventory/purchase-orders/${po.id}`, manager)).data.purchase_order;
      expect(order).toMatchObject({ status: "partially_received", lines: [expect.objectContaining({ quantity_received: 3 })] });
      expect(await count(`SELECT 1 FROM purchase_order_receipt WHERE purchase_order_id = ?`, [po.id])).toBe(1);
      expect(await stock("cable")).toBe(before + 3);
    });

    it("concurrent copies of one receipt key book one delivery; the rest of the order completes it", async () => {
      const po = await sentOrder(4);
      const before = await stock("cable");
      const body = { lines: [{ line_id: po.lineId, quantity: 1 }], idempotency_key: newKey("receive-copies") };
      const answers = await Promise.all(Array.from({ length: 4 }, () => settle(api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, body, manager))));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
      expect(await count(`SELECT 1 FROM purchase_order_receipt WHERE purchase_order_id = ?`, [po.id])).toBe(1);
      const rest = await api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lineId, quantity: 3 }] }, manager);
      expect(rest.data.purchase_order).toMatchObject({ status: "received", received_at: expect.any(String) });
      expect(await stock("cable")).toBe(before + 4);
      const late = await settle(api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lineId, quantity: 1 }], idempotency_key: newKey("late") }, manager));
      expect(late.status).toBe(409);
      const replay = await api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, body, manager);
      expect(replay.data.purchase_order.status).toBe("received");
    });
  },
});
