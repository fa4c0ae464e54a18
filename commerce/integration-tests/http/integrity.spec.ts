import { medusaIntegrationTestRunner } from "@medusajs/test-utils";
import { ContainerRegistrationKeys } from "@medusajs/framework/utils";
import { shopYear } from "@voltura/domain";
import { authHeaders, settle, newStaffHeaders, type StaffHeaders } from "./helpers";
import { quotationBody } from "./invoicing-helpers";
import { newKey, seedPosFixture, type PosFixture } from "./pos.fixtures";

type Sql = { raw(sql: string, params?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> };
type Check = { name: string; ok: boolean; count: number; error?: string; breaches: Array<{ kind: string; ref: string; message: string; details?: Record<string, unknown> }> };

const CHECKS = ["on_hand_matches_ledger", "stock_movements_have_documents", "pos_sales_complete", "invoice_numbers_unique_and_continuous", "no_stale_claims"];

medusaIntegrationTestRunner({
  dbName: "voltura_it_integrity",
  testSuite: ({ api, getContainer }) => {
    let fx: PosFixture;
    let manager: StaffHeaders;
    let system: StaffHeaders;
    let sale: { id: string; receipt_number: string };
    let invoiceNumber: string;
    const year = shopYear(new Date());
    const sql = () => getContainer().resolve<Sql>(ContainerRegistrationKeys.PG_CONNECTION);

    /** Moves a level's on-hand both ways Medusa stores it (the number and its raw copy). */
    const shiftOnHand = (item: string, loc: string, by: number) => sql().raw(
      `UPDATE inventory_level SET stocked_quantity = stocked_quantity + ?, raw_stocked_quantity = jsonb_build_object('value', (stocked_quantity + ?)::text, 'precision', 20)
        WHERE inventory_item_id = ? AND location_id = ?`, [by, by, item, loc]);
    const report = async () => (await api.get("/admin/integrity", manager)).data as { ok: boolean; checked_at: string; checks: Check[] };
    /** Only `name` breaches, and exactly these; every other check passes. */
    async function expectOnlyBreachesOf(name: string): Promise<Check> {
      const r = await report();
      expect(r.ok).toBe(false);
      for (const c of r.checks) if (c.name !== name) expect({ name: c.name, ok: c.ok, breaches: c.breaches }).toEqual({ name: c.name, ok: true, breaches: [] });
      const failing = r.checks.find((c) => c.name === name)!;
      expect(failing.ok).toBe(false);
      expect(failing.count).toBe(failing.breaches.length);
      return failing;
    }
    const expectClean = async () => expect((await report()).checks.filter((c) => !c.ok)).toEqual([]);

    beforeAll(async () => {
      fx = await seedPosFixture(getContainer());
      manager = await authHeaders(fx.manager.id, "manager");
      system = await authHeaders("system:temporal-worker", "system");
      const cashier = await newStaffHeaders(getContainer(), "cashier");
      const checkout = await settle(api.post("/admin/pos/checkout", {
        idempotency_key: newKey(), lines: [{ variant_id: fx.variants.protector, quantity: 1 }, { variant_id: fx.variants.labour, quantity: 1 }],
        payments: [{ method: "cash", amount_sen: 10_000 }],
      }, cashier));
      expect(checkout).toMatchObject({ status: 201 });
      sale = checkout.data.sale;
      expect((await api.post("/admin/inventory/adjustments", { inventory_item_id: fx.inventoryItems.card, reason: "damage", quantity: 1 }, manager)).status).toBe(201);
      invoiceNumber = (await api.post("/admin/invoicing/invoices", quotationBody(), cashier)).data.invoice.invoice_number;
      expect(invoiceNumber).toBe(`INV-${year}-000001`);
    });

    it("passes on a clean shop: opening stock, a counter sale, an adjustment and an invoice", async () => {
      const r = await report();
      expect(r.ok).toBe(true);
      expect(new Date(r.checked_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(r.checks.map((c) => [c.name, c.ok, c.count])).toEqual(CHECKS.map((n) => [n, true, 0]));
      expect((await api.get("/admin/inventory/ledger-check", manager)).data).toMatchObject({ ok: true, mismatches: [] });
    });

    it("reports on-hand that differs from the ledger, as the ledger check does", async () => {
      const item = fx.inventoryItems.cable!;
      const loc = fx.shop.stockLocationId;
      await shiftOnHand(item, loc, 3);
      try {
        const failing = await expectOnlyBreachesOf("on_hand_matches_ledger");
        expect(failing.breaches).toEqual([expect.objectContaining({ kind: "on_hand_differs", ref: `${item}@${loc}`, details: { inventory_item_id: item, location_id: loc, stocked_quantity: 13, ledger_quantity: 10 } })]);
        expect((await api.get("/admin/inventory/ledger-check", manager)).data.ok).toBe(false);
      } finally {
        await shiftOnHand(item, loc, -3);
      }
      await expectClean();
    });

    it("reports a stock movement whose sale does not exist", async () => {
      const item = fx.inventoryItems.cable!;
      const loc = fx.shop.stockLocationId;
      // The shelf moves with it, so only the missing document is wrong.
      await sql().raw(`INSERT INTO stock_movement (id, inventory_item_id, location_id, quantity_delta, kind, reference_type, reference_id) VALUES ('smov_it_orphan', ?, ?, -1, 'sale', 'pos_sale', 'psale_gone')`, [item, loc]);
      await shiftOnHand(item, loc, -1);
      try {
        const failing = await expectOnlyBreachesOf("stock_movements_have_documents");
        expect(failing.breaches).toEqual([expect.objectContaining({ kind: "movement_orphan", ref: "smov_it_orphan" })]);
        expect(failing.breaches[0]!.details).toMatchObject({ reference_type: "pos_sale", reference_id: "psale_gone", document_status: null });
      } finally {
        await sql().raw(`DELETE FROM stock_movement WHERE id = 'smov_it_orphan'`);
        await shiftOnHand(item, loc, 1);
      }
      await expectClean();
    });

    it("reports a completed sale without its order, and payments that do not add up", async () => {
      await sql().raw(`INSERT INTO pos_sale (id, idempotency_key, request_hash, status, receipt_number, register_id, cashier_id, cashier_name) VALUES ('psale_it_noorder', 'it-noorder', 'h', 'completed', 'RCP-IT-000999', 'main', 'u', 'Test')`);
      try {
        const failing = await expectOnlyBreachesOf("pos_sales_complete");
        expect(failing.breaches.map((b) => [b.kind, b.ref])).toEqual([["order_missing", "psale_it_noorder"]]);
      } finally {
        await sql().raw(`DELETE FROM pos_sale WHERE id = 'psale_it_noorder'`);
      }
      await sql().raw(`UPDATE pos_payment SET amount_sen = amount_sen - 100 WHERE sale_id = ?`, [sale.id]);
      try {
        const failing = await expectOnlyBreachesOf("pos_sales_complete");
        expect(failing.breaches.map((b) => [b.kind, b.ref])).toEqual([["payments_differ", sale.id]]);
      } finally {
        await sql().raw(`UPDATE pos_payment SET amount_sen = amount_sen + 100 WHERE sale_id = ?`, [sale.id]);
      }
      await expectClean();
    });

    it("reports an invoice number used twice and numbers skipped", async () => {
      await sql().raw(`INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen, sst_rate_bp, prices_include_tax, issued_at, issued_by)
        VALUES ('rinv_it_dup', 'rjob_it', ?, 0, 0, 0, 0, 0, 0, false, now(), 'test')`, [invoiceNumber]);
      try {
        const failing = await expectOnlyBreachesOf("invoice_numbers_unique_and_continuous");
        expect(failing.breaches).toEqual([expect.objectContaining({ kind: "invoice_number_duplicate", ref: invoiceNumber })]);
      } finally {
        await sql().raw(`DELETE FROM repair_invoice WHERE id = 'rinv_it_dup'`);
      }
      await sql().raw(`UPDATE number_series SET last_value = last_value + 2 WHERE id = ?`, [`INV-${year}`]);
      try {
        const failing = await expectOnlyBreachesOf("invoice_numbers_unique_and_continuous");
        expect(failing.breaches).toEqual([expect.objectContaining({
          kind: "invoice_number_gap", ref: `INV-${year}-000002`, details: { series: `INV-${year}`, from: `INV-${year}-000002`, to: `INV-${year}-000003`, missing: 2 },
        })]);
      } finally {
        await sql().raw(`UPDATE number_series SET last_value = last_value - 2 WHERE id = ?`, [`INV-${year}`]);
      }
      await expectClean();
    });

    it("reports claims pending past 5 minutes, not fresh ones", async () => {
      const insertClaims = async () => {
        await sql().raw(`INSERT INTO pos_sale (id, idempotency_key, request_hash, status, register_id, cashier_id, cashier_name, created_at) VALUES
          ('psale_it_stale', 'it-stale', 'h', 'pending', 'main', 'u', 'Test', now() - interval '10 minutes'),
          ('psale_it_fresh', 'it-fresh', 'h', 'pending', 'main', 'u', 'Test', now() - interval '1 minute') ON CONFLICT (id) DO NOTHING`);
        await sql().raw(`INSERT INTO whatsapp_message (id, session_id, direction, phone, body, status, idempotency_key, created_at)
          VALUES ('wa_msg_it_stale', 'wasess_it', 'out', '+60123456789', 'x', 'pending', 'it:stale', now() - interval '30 minutes') ON CONFLICT (id) DO NOTHING`);
      };
      // The recovery jobs (every minute) clean dead claims, which is what they are for: when one took a
      // claim of ours between the insert and the check, the check rightly missed it, so try again.
      const takenByRecovery = async () => Number((await sql().raw(
        `SELECT ((SELECT count(*) FROM pos_sale WHERE id = 'psale_it_stale' AND status = 'pending' AND lease_until IS NULL)
              + (SELECT count(*) FROM whatsapp_message WHERE id = 'wa_msg_it_stale' AND status = 'pending' AND lease_until IS NULL))::int AS left`,
      )).rows[0].left) < 2;
      try {
        let failing = await insertClaims().then(() => expectOnlyBreachesOf("no_stale_claims"));
        for (let attempt = 0; attempt < 3 && failing.breaches.length < 2 && (await takenByRecovery()); attempt++) {
          await sql().raw(`DELETE FROM pos_sale WHERE id = 'psale_it_stale'`);
          await sql().raw(`DELETE FROM whatsapp_message WHERE id = 'wa_msg_it_stale'`);
          failing = await insertClaims().then(() => expectOnlyBreachesOf("no_stale_claims"));
        }
        expect(failing.breaches.map((b) => [b.kind, b.ref])).toEqual([["claim_stale", "wa_msg_it_stale"], ["claim_stale", "psale_it_stale"]]);
        expect(failing.breaches[1]!.message).toMatch(/Counter checkout it-stale was started 1\d minutes ago/);
      } finally {
        await sql().raw(`DELETE FROM pos_sale WHERE id IN ('psale_it_stale', 'psale_it_fresh')`);
        await sql().raw(`DELETE FROM whatsapp_message WHERE id = 'wa_msg_it_stale'`);
      }
      await expectClean();
    });

    it("stores the nightly run once per key; a breach is audited and shown as the last run", async () => {
      const clean = await api.post("/admin/integrity/runs", { idempotency_key: "integrity-nightly:it-clean" }, system);
      expect(clean.status).toBe(201);
      expect(clean.data).toMatchObject({ replayed: false, alerts_sent: 0, run: { ok: true, trigger: "nightly", idempotency_key: "integrity-nightly:it-clean" } });
      const replay = await api.post("/admin/integrity/runs", { idempotency_key: "integrity-nightly:it-clean" }, system);
      expect(replay.status).toBe(200);
      expect(replay.data).toMatchObject({ replayed: true, report: null, run: { id: clean.data.run.id } });

      await sql().raw(`UPDATE number_series SET last_value = last_value + 1 WHERE id = ?`, [`INV-${year}`]);
      try {
        const breached = await api.post("/admin/integrity/runs", { idempotency_key: "integrity-nightly:it-breach" }, system);
        expect(breached.status).toBe(201);
        const run = breached.data.run;
        expect(run.ok).toBe(false);
        expect(run.summary.checks.find((c: { name: string }) => c.name === "invoice_numbers_unique_and_continuous")).toMatchObject({ ok: false, count: 1 });
        await api.post("/admin/integrity/runs", { idempotency_key: "integrity-nightly:it-breach" }, system);
        const audit = (await api.get("/admin/audit?action=integrity.breach", manager)).data.audit_entries;
        expect(audit).toHaveLength(1);
        expect(audit[0]).toMatchObject({ entity: "integrity_run", entity_id: run.id, actor_role: "system", metadata: { trigger: "nightly", failed: [{ name: "invoice_numbers_unique_and_continuous", count: 1 }] } });
        const latest = (await api.get("/admin/integrity/runs?limit=1", manager)).data.runs;
        expect(latest).toEqual([expect.objectContaining({ id: run.id, ok: false })]);
      } finally {
        await sql().raw(`UPDATE number_series SET last_value = last_value - 1 WHERE id = ?`, [`INV-${year}`]);
      }
      const bad = await settle(api.post("/admin/integrity/runs", {}, system));
      expect(bad.status).toBe(400);
      expect(bad.data.message).toContain("idempotency_key");
    });

    it("lets owners, managers and the system read it; cashiers and technicians get 403; only the system stores a run", async () => {
      const owner = await newStaffHeaders(getContainer(), "owner");
      const cashier = await newStaffHeaders(getContainer(), "cashier");
      const technician = await newStaffHeaders(getContainer(), "technician");
      for (const who of [owner, manager, system]) {
        expect((await settle(api.get("/admin/integrity", who))).status).toBe(200);
        expect((await settle(api.get("/admin/integrity/runs", who))).status).toBe(200);
      }
      for (const who of [cashier, technician]) {
        expect((await settle(api.get("/admin/integrity", who))).status).toBe(403);
        expect((await settle(api.get("/admin/integrity/runs", who))).status).toBe(403);
      }
      for (const who of [owner, manager, cashier, technician]) {
        expect((await settle(api.post("/admin/integrity/runs", { idempotency_key: "integrity-nightly:nope" }, who))).status).toBe(403);
      }
      expect((await settle(api.get("/admin/integrity"))).status).toBe(401);
    });
  },
});
