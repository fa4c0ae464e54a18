import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { applyStockMovementsStep, SHOP_INVENTORY_MODULE, type ShopInventoryModuleService } from "@voltura/plugin-inventory/workflows";
import { authHeaders, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { seedInventoryFixture, stockedAt, type InventoryFixture } from "./inventory.fixtures";
import { newJob } from "./repair-billing.fixtures";

const failAfterStock = createStep("inventory-test-fail-after-stock", async () => {
  throw new Error("a later step failed");
});

/** A caller of the ledger step whose next step fails: the compensation must undo stock and rows. */
const failingSaleWorkflow = createWorkflow("inventory-test-failing-sale", (input: { item: string; location: string }) => {
  const applied = applyStockMovementsStep({ movements: [{ inventory_item_id: input.item, location_id: input.location, quantity_delta: -2, kind: "sale", reference_type: "test" }] });
  failAfterStock();
  return new WorkflowResponse(applied);
});

medusaIntegrationTestRunner({
  dbName: "voltura_it_inventory",
  testSuite: ({ api, getContainer }) => {
    let fx: InventoryFixture;
    let manager: StaffHeaders;
    let cashier: StaffHeaders;
    let system: StaffHeaders;

    beforeAll(async () => {
      fx = await seedInventoryFixture(getContainer());
    });

    beforeEach(async () => {
      manager = await newStaffHeaders(getContainer(), "manager");
      cashier = await newStaffHeaders(getContainer(), "cashier");
      system = await authHeaders("system:test", "system");
    });

    // The invariant the issue asks for: after every scenario, on-hand equals the sum of the ledger.
    afterEach(async () => {
      const check = await api.get("/admin/inventory/ledger-check", system);
      expect(check.data.mismatches).toEqual([]);
      expect(check.data.ok).toBe(true);
      expect(check.data.levels_checked).toBeGreaterThanOrEqual(3);
    });

    const stock = (key: keyof InventoryFixture["items"]) => stockedAt(getContainer(), fx.items[key], fx.shop.stockLocationId);
    const ledgerOf = async (key: keyof InventoryFixture["items"]) => (await api.get(`/admin/inventory/items/${fx.items[key]}`, manager)).data;

    it("receives a purchase order in two parts: stock, weighted average cost, partially_received → received", async () => {
      const supplier = await api.post("/admin/inventory/suppliers", { name: "KL Mobile Parts", phone: "03-1234 5678", email: "sales@klparts.example" }, manager);
      expect(supplier.status).toBe(201);
      const withItem = await api.post(`/admin/inventory/suppliers/${supplier.data.supplier.id}/items`, { inventory_item_id: fx.items.screen, cost_sen: 17000, lead_time_days: 3, supplier_sku: "KL-A54" }, manager);
      expect(withItem.data.supplier.items).toEqual([expect.objectContaining({ inventory_item_id: fx.items.screen, cost_sen: 17000, lead_time_days: 3, sku: "P-A54-LCD" })]);

      const created = await api.post("/admin/inventory/purchase-orders", {
        supplier_id: supplier.data.supplier.id, lines: [{ inventory_item_id: fx.items.screen, quantity: 6, unit_cost_sen: 17000 }, { inventory_item_id: fx.items.cable, quantity: 10, unit_cost_sen: 500 }],
      }, manager);
      expect(created.status).toBe(201);
      const po = created.data.purchase_order;
      expect(po).toMatchObject({ status: "draft", supplier_name: "KL Mobile Parts", total_sen: 6 * 17000 + 10 * 500, location_id: fx.shop.stockLocationId });
      expect(po.po_number).toMatch(/^PO-\d{4}-000001$/);

      const early = await settle(api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { lines: [{ line_id: po.lines[0].id, quantity: 1 }] }, manager));
      expect(early.status).toBe(409);
      expect(early.data.message).toContain("draft");

      const sent = await api.post(`/admin/inventory/purchase-orders/${po.id}/send`, {}, manager);
      expect(sent.data.purchase_order.status).toBe("sent");
      const pdf = await api.get(`/admin/inventory/purchase-orders/${po.id}/pdf`, { ...manager, responseType: "arraybuffer" });
      expect(pdf.headers["content-type"]).toContain("application/pdf");
      expect(Buffer.from(pdf.data).subarray(0, 5).toString()).toBe("%PDF-");
      const edit = await settle(api.post(`/admin/inventory/purchase-orders/${po.id}`, { note: "late edit" }, manager));
      expect(edit.status).toBe(409);

      const screenLine = po.lines.find((l: { inventory_item_id: string }) => l.inventory_item_id === fx.items.screen);
      const cableLine = po.lines.find((l: { inventory_item_id: string }) => l.inventory_item_id === fx.items.cable);
      const first = await api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { lines: [{ line_id: screenLine.id, quantity: 4 }] }, manager);
      expect(first.data.purchase_order.status).toBe("partially_received");
      expect(await stock("screen")).toBe(8);
      // 4 on hand at RM 150 + 4 received at RM 170 → RM 160
      expect((await ledgerOf("screen")).item.average_cost_sen).toBe(16000);

      const over = await settle(api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { lines: [{ line_id: screenLine.id, quantity: 3 }] }, manager));
      expect(over.status).toBe(400);
      expect(over.data.message).toContain("lines.0.quantity");
      expect(await stock("screen")).toBe(8);

      const second = await api.post(`/admin/inventory/purchase-orders/${po.id}/receive`, { lines: [{ line_id: screenLine.id, quantity: 2 }, { line_id: cableLine.id, quantity: 10 }] }, manager);
      expect(second.data.purchase_order.status).toBe("received");
      expect(second.data.purchase_order.received_at).not.toBeNull();
      expect(second.data.purchase_order.lines.map((l: { quantity_received: number }) => l.quantity_received).sort()).toEqual([10, 6]);
      expect(await stock("screen")).toBe(10);
      expect(await stock("cable")).toBe(20);
      // (8 × 160 + 2 × 170) / 10 = 162; (10 × 6 + 10 × 5) / 20 = 5.5 → 550 sen
      expect((await ledgerOf("screen")).item.average_cost_sen).toBe(16200);
      expect((await ledgerOf("cable")).item.average_cost_sen).toBe(550);
      const costs = await getContainer().resolve<ShopInventoryModuleService>(SHOP_INVENTORY_MODULE).averageCostsSen([fx.items.screen, "iitem_unknown"]);
      expect(costs).toEqual({ [fx.items.screen]: 16200, iitem_unknown: 0 });

      const receipts = (await ledgerOf("screen")).movements.filter((m: { kind: string }) => m.kind === "receipt");
      expect(receipts.map((m: { quantity_delta: number }) => m.quantity_delta).sort()).toEqual([2, 4]);
      expect(receipts[0]).toMatchObject({ reference_type: "purchase_order", reference_id: po.id, unit_cost_sen: 17000, actor_id: "Test manager" });

      const cancelled = await settle(api.post(`/admin/inventory/purchase-orders/${po.id}/cancel`, {}, manager));
      expect(cancelled.status).toBe(409);
    });

    it("records an adjustment with its reason and who made it", async () => {
      const before = await stock("cable");
      const damaged = await api.post("/admin/inventory/adjustments", { inventory_item_id: fx.items.cable, reason: "damage", quantity: 2, note: "Chewed by the shop cat" }, manager);
      expect(damaged.status).toBe(201);
      expect(damaged.data.adjustment).toMatchObject({ kind: "adjustment", reason: "damage", quantity_delta: -2, actor_id: "Test manager", note: "Chewed by the shop cat" });
      const found = await api.post("/admin/inventory/adjustments", { inventory_item_id: fx.items.cable, reason: "found", quantity: 1 }, manager);
      expect(found.data.adjustment.quantity_delta).toBe(1);
      expect(await stock("cable")).toBe(before - 1);
      const list = await api.get("/admin/inventory/adjustments", manager);
      expect(list.data.adjustments[0]).toMatchObject({ reason: "found", title: "USB-C Cable 1m", sku: "P-USBC-1M" });
      const forbidden = await settle(api.post("/admin/inventory/adjustments", { inventory_item_id: fx.items.cable, reason: "loss", quantity: 1 }, cashier));
      expect(forbidden.status).toBe(403);
      const levels = await api.get("/admin/inventory/levels?q=usb-c", cashier);
      expect(levels.data.levels).toEqual([expect.objectContaining({ sku: "P-USBC-1M", on_hand: before - 1 })]);
    });

    it("answers 400 naming the field for bad input and changes nothing", async () => {
      const before = await stock("battery");
      const cases: Array<[string, unknown, string]> = [
        ["/admin/inventory/adjustments", { inventory_item_id: fx.items.battery, reason: "stolen", quantity: 1 }, "reason"],
        ["/admin/inventory/adjustments", { inventory_item_id: fx.items.battery, reason: "loss", quantity: 0 }, "quantity"],
        ["/admin/inventory/adjustments", { inventory_item_id: fx.items.battery, reason: "loss", quantity: -2 }, "quantity"],
        ["/admin/inventory/adjustments", { inventory_item_id: "iitem_nope", reason: "loss", quantity: 1 }, "inventory_item_id"],
        ["/admin/inventory/purchase-orders", { supplier_id: "sup_x", lines: [] }, "lines"],
        ["/admin/inventory/suppliers", { name: "" }, "name"],
        ["/admin/inventory/stock-takes", { location_id: "sloc_nope" }, "location_id"],
      ];
      for (const [path, body, field] of cases) {
        const r = await settle(api.post(path, body, manager));
        expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(r.data.message).toContain(field);
      }
      const threshold = await settle(api.post(`/admin/inventory/items/${fx.items.battery}`, { low_stock_threshold: -1 }, manager));
      expect(threshold.status).toBe(400);
      expect(threshold.data.message).toContain("low_stock_threshold");
      expect(await stock("battery")).toBe(before);
    });

    it("runs a stock take: snapshot, scanned and typed counts, variances, posting as stock_take rows", async () => {
      const opened = await api.post("/admin/inventory/stock-takes", { note: "Monthly count" }, manager);
      expect(opened.status).toBe(201);
      const take = opened.data.stock_take;
      expect(take.status).toBe("open");
      const expectedScreen = await stock("screen");
      const screenLine = take.lines.find((l: { inventory_item_id: string }) => l.inventory_item_id === fx.items.screen);
      expect(screenLine.expected_quantity).toBe(expectedScreen);

      // Scans add one each (barcode or SKU); a typed count sets the number.
      for (let i = 0; i < expectedScreen - 1; i++) await api.post(`/admin/inventory/stock-takes/${take.id}/counts`, { code: "9550000000011" }, manager);
      const batteryLine = take.lines.find((l: { inventory_item_id: string }) => l.inventory_item_id === fx.items.battery);
      await api.post(`/admin/inventory/stock-takes/${take.id}/counts`, { line_id: batteryLine.id, mode: "set", quantity: batteryLine.expected_quantity + 2 }, manager);
      const cable = await api.post(`/admin/inventory/stock-takes/${take.id}/counts`, { code: "p-usbc-1m", mode: "set", quantity: await stock("cable") }, manager);
      expect(cable.data.stock_take.status).toBe("counting");
      const unknown = await settle(api.post(`/admin/inventory/stock-takes/${take.id}/counts`, { code: "0000" }, manager));
      expect(unknown.status).toBe(400);
      expect(unknown.data.message).toContain("code");

      const review = (await api.get(`/admin/inventory/stock-takes/${take.id}`, manager)).data.stock_take.review;
      expect(review.variances).toEqual(expect.arrayContaining([
        expect.objectContaining({ inventory_item_id: fx.items.screen, variance: -1 }),
        expect.objectContaining({ inventory_item_id: fx.items.battery, variance: 2 }),
      ]));
      expect(review.variances).toHaveLength(2);
      expect(review.matched).toBe(1);

      const batteryBefore = await stock("battery");
      const posted = await api.post(`/admin/inventory/stock-takes/${take.id}/post`, {}, manager);
      expect(posted.data.stock_take).toMatchObject({ status: "posted", posted_by: "Test manager" });
      expect(await stock("screen")).toBe(expectedScreen - 1);
      expect(await stock("battery")).toBe(batteryBefore + 2);
      const rows = (await ledgerOf("battery")).movements.filter((m: { kind: string }) => m.kind === "stock_take");
      expect(rows).toEqual([expect.objectContaining({ quantity_delta: 2, reference_type: "stock_take", reference_id: take.id })]);
      // Posting again answers the one posting: nothing is booked twice.
      const again = await settle(api.post(`/admin/inventory/stock-takes/${take.id}/post`, {}, manager));
      expect(again.status).toBe(200);
      expect(again.data.stock_take).toMatchObject({ status: "posted", posted_at: posted.data.stock_take.posted_at });
      expect((await ledgerOf("battery")).movements.filter((m: { kind: string }) => m.kind === "stock_take")).toHaveLength(1);
      const cancelled = await settle(api.post(`/admin/inventory/stock-takes/${take.id}/cancel`, {}, manager));
      expect(cancelled.status).toBe(409);
    });

    it("lists low stock once an item falls to its threshold", async () => {
      await api.post(`/admin/inventory/items/${fx.items.battery}`, { low_stock_threshold: (await stock("battery")) - 1 }, manager);
      expect((await api.get("/admin/inventory/low-stock", cashier)).data.count).toBe(0);
      await api.post("/admin/inventory/adjustments", { inventory_item_id: fx.items.battery, reason: "loss", quantity: 1 }, manager);
      const low = await api.get("/admin/inventory/low-stock", cashier);
      expect(low.data.levels).toEqual([expect.objectContaining({ inventory_item_id: fx.items.battery, low_stock: true })]);
      const filtered = await api.get("/admin/inventory/levels?low_stock=true", cashier);
      expect(filtered.data.low_stock_count).toBe(1);
      expect(filtered.data.levels).toHaveLength(1);
    });

    it("undoes the stock change and the ledger rows when a later step of the caller fails", async () => {
      const before = await stock("cable");
      const rowsBefore = (await ledgerOf("cable")).movements.length;
      const { errors } = await failingSaleWorkflow(getContainer()).run({ input: { item: fx.items.cable, location: fx.shop.stockLocationId }, throwOnError: false });
      expect(errors[0]?.error).toMatchObject({ message: "a later step failed" });
      expect(await stock("cable")).toBe(before);
      expect((await ledgerOf("cable")).movements).toHaveLength(rowsBefore);
    });

    it("refuses a movement against its kind's direction before touching stock", async () => {
      const before = await stock("cable");
      const wrongWay = createWorkflow("inventory-test-wrong-way", () => new WorkflowResponse(applyStockMovementsStep({ movements: [{ inventory_item_id: fx.items.cable, location_id: fx.shop.stockLocationId, quantity_delta: 3, kind: "sale" }] })));
      const result = await wrongWay(getContainer()).run({ throwOnError: false });
      expect(String((result.errors[0]?.error as { message?: string }).message)).toContain("quantity_delta");
      expect(await stock("cable")).toBe(before);
    });

    it("books repair part consumption in the ledger as repair_consumption", async () => {
      const tech = await newStaffHeaders(getContainer(), "technician");
      const before = await stock("screen");
      const job = await newJob(api, tech, ["in_progress"]);
      await api.post(`/admin/repair-jobs/${job.id}/lines`, { kind: "part", variant_id: fx.variants.screen, grade: "compatible" }, tech);
      const done = await api.post(`/admin/repair-jobs/${job.id}/status`, { status: "completed" }, tech);
      expect(done.data.repair_job.status).toBe("completed");
      expect(await stock("screen")).toBe(before - 1);
      const rows = (await ledgerOf("screen")).movements.filter((m: { kind: string }) => m.kind === "repair_consumption");
      expect(rows).toEqual([expect.objectContaining({ quantity_delta: -1, reference_type: "repair_job", reference_id: job.id })]);
    });
  },
});
