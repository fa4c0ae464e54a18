import { describe, expect, it } from "vitest";
import { invoiceNumberBreaches } from "../domain/integrity/checks/invoice-numbers";
import { onHandLedgerBreaches } from "../domain/integrity/checks/on-hand-ledger";
import { posSaleRecordBreaches } from "../domain/integrity/checks/pos-sale-records";
import { CLAIM_GRACE_MS, LEASE_SLACK_MS, staleClaimBreaches } from "../domain/integrity/checks/stale-claims";
import { stockMovementDocumentBreaches } from "../domain/integrity/checks/stock-movement-documents";

describe("on-hand matches the ledger", () => {
  it("reports only levels whose stocked quantity differs from the ledger sum (numeric strings from PostgreSQL)", () => {
    const breaches = onHandLedgerBreaches([
      { inventory_item_id: "iitem_1", location_id: "sloc_1", stocked_quantity: "10", ledger_quantity: "10", sku: "A" },
      { inventory_item_id: "iitem_2", location_id: "sloc_1", stocked_quantity: "7", ledger_quantity: "5", sku: "TG-13" },
      { inventory_item_id: "iitem_3", location_id: "sloc_1", stocked_quantity: 0, ledger_quantity: -1, sku: null, title: "Cable" },
    ]);
    expect(breaches.map((b) => [b.kind, b.ref])).toEqual([["on_hand_differs", "iitem_2@sloc_1"], ["on_hand_differs", "iitem_3@sloc_1"]]);
    expect(breaches[0]!.details).toEqual({ inventory_item_id: "iitem_2", location_id: "sloc_1", stocked_quantity: 7, ledger_quantity: 5 });
    expect(breaches[0]!.message).toContain("TG-13");
    expect(breaches[1]!.message).toContain("Cable");
  });
});

describe("stock movements have their documents", () => {
  const row = (over: Record<string, unknown>) => ({ id: "smov_1", kind: "sale", reference_type: "pos_sale", reference_id: "psale_1", reason: null, quantity_delta: -1, document_status: "completed", ...over });

  it("accepts each kind with its finished document", () => {
    expect(stockMovementDocumentBreaches([
      row({}),
      row({ document_status: "committed" }),
      row({ kind: "return", reference_type: "pos_return", quantity_delta: 1 }),
      row({ kind: "repair_consumption", reference_type: "repair_job", document_status: "delivered" }),
      row({ kind: "repair_consumption", reference_type: "repair_job", document_status: "invoiced" }),
      row({ kind: "receipt", reference_type: "purchase_order", document_status: "partially_received", quantity_delta: 4 }),
      row({ kind: "stock_take", reference_type: "stock_take", document_status: "posted" }),
      row({ kind: "adjustment", reference_type: "stock_adjustment", reference_id: null, reason: "damaged", document_status: null }),
      row({ kind: "opening", reference_type: "opening", reference_id: null, document_status: null, quantity_delta: 10 }),
    ])).toEqual([]);
  });

  it("lists orphans, unfinished documents, wrong references and adjustments without a reason", () => {
    const breaches = stockMovementDocumentBreaches([
      row({ id: "smov_orphan", document_status: null }),
      row({ id: "smov_pending", document_status: "pending" }),
      row({ id: "smov_bench", kind: "repair_consumption", reference_type: "repair_job", document_status: "in_progress" }),
      row({ id: "smov_draft", kind: "receipt", reference_type: "purchase_order", document_status: "sent", quantity_delta: 2 }),
      row({ id: "smov_wrong", kind: "sale", reference_type: "stock_take" }),
      row({ id: "smov_none", kind: "sale", reference_type: null, reference_id: null }),
      row({ id: "smov_noreason", kind: "adjustment", reference_type: "stock_adjustment", reference_id: null, reason: null }),
    ]);
    expect(breaches.map((b) => [b.ref, b.kind])).toEqual([
      ["smov_orphan", "movement_orphan"],
      ["smov_pending", "movement_document_not_final"],
      ["smov_bench", "movement_document_not_final"],
      ["smov_draft", "movement_document_not_final"],
      ["smov_wrong", "movement_unexpected_reference"],
      ["smov_none", "movement_unexpected_reference"],
      ["smov_noreason", "movement_without_reason"],
    ]);
    expect(breaches[1]!.message).toContain("pending");
  });
});

describe("completed counter sales are complete", () => {
  const sale = (over: Record<string, unknown>) => ({ id: "psale_1", receipt_number: "RCP-2026-000001", order_id: "order_1", paid_sen: 2700, linked_orders: "1", tagged_orders: "1", payments_sen: "2700", payment_count: "1", ...over });

  it("accepts a sale found through the link or the order's metadata alone", () => {
    expect(posSaleRecordBreaches([sale({}), sale({ linked_orders: 0 }), sale({ tagged_orders: 0 })])).toEqual([]);
  });

  it("reports a missing order, payments that do not add up and a missing receipt number", () => {
    const breaches = posSaleRecordBreaches([
      sale({ id: "psale_noorder", linked_orders: 0, tagged_orders: 0 }),
      sale({ id: "psale_short", payments_sen: 2000 }),
      sale({ id: "psale_noreceipt", receipt_number: null }),
    ]);
    expect(breaches.map((b) => [b.ref, b.kind])).toEqual([["psale_noorder", "order_missing"], ["psale_short", "payments_differ"], ["psale_noreceipt", "receipt_number_missing"]]);
    expect(breaches[1]!.message).toContain("RM 27.00");
    expect(breaches[1]!.message).toContain("RM 20.00");
  });
});

describe("invoice numbers", () => {
  const inv = (source: string, id: string, invoice_number: string) => ({ source, id, invoice_number });
  const counter = (series: string, last_value: number) => ({ source: "counter", id: series, series, last_value });

  it("accepts one continuous series shared by repair and counter invoices", () => {
    expect(invoiceNumberBreaches([
      inv("repair_invoice", "rinv_1", "INV-2026-000001"), inv("sales_invoice", "sinv_1", "INV-2026-000002"), inv("repair_invoice", "rinv_2", "INV-2026-000003"),
      counter("INV-2026", 3),
    ])).toEqual([]);
  });

  it("reports a number used twice, gaps as runs, a counter behind the numbers used, and malformed numbers", () => {
    const breaches = invoiceNumberBreaches([
      inv("repair_invoice", "rinv_1", "INV-2026-000001"), inv("sales_invoice", "sinv_1", "INV-2026-000001"),
      inv("repair_invoice", "rinv_5", "INV-2026-000005"), inv("sales_invoice", "sinv_x", "INV-26-1"),
      counter("INV-2026", 7),
      inv("repair_invoice", "rinv_y", "INV-2027-000002"), counter("INV-2027", 1),
    ]);
    expect(breaches.map((b) => [b.kind, b.ref])).toEqual([
      ["invoice_number_malformed", "INV-26-1"],
      ["invoice_number_duplicate", "INV-2026-000001"],
      ["invoice_number_gap", "INV-2026-000002"],
      ["invoice_number_gap", "INV-2026-000006"],
      ["invoice_counter_behind", "INV-2027"],
      ["invoice_number_gap", "INV-2027-000001"],
    ]);
    expect(breaches[2]!.details).toMatchObject({ from: "INV-2026-000002", to: "INV-2026-000004", missing: 3 });
    expect(breaches[3]!.details).toMatchObject({ from: "INV-2026-000006", to: "INV-2026-000007", missing: 2 });
    expect(breaches[1]!.details).toMatchObject({ used_by: [{ source: "repair_invoice", id: "rinv_1" }, { source: "sales_invoice", id: "sinv_1" }] });
  });

  it("does not report numbers recorded as void", () => {
    const rows = [inv("repair_invoice", "rinv_1", "INV-2026-000001"), inv("repair_invoice", "rinv_3", "INV-2026-000003"), counter("INV-2026", 3)];
    expect(invoiceNumberBreaches(rows, new Set(["INV-2026-000002"]))).toEqual([]);
    expect(invoiceNumberBreaches(rows)).toHaveLength(1);
  });
});

describe("stale claims", () => {
  const now = new Date("2026-12-06T10:00:00Z");
  const at = (msBefore: number) => new Date(now.getTime() - msBefore);

  it("reports claims past their lease (with the recovery slack) or, without a lease, past the grace period", () => {
    const breaches = staleClaimBreaches([
      { claim: "pos_sale", id: "psale_fresh", key: "k-fresh", status: "pending", created_at: at(CLAIM_GRACE_MS - 1000) },
      { claim: "pos_sale", id: "psale_stale", key: "k-stale", status: "pending", created_at: at(CLAIM_GRACE_MS + 60_000) },
      { claim: "whatsapp_message", id: "wa_msg_1", key: "alert:1", status: "pending", created_at: at(3_600_000).toISOString() },
      { claim: "pos_sale", id: "psale_leased", key: "k-leased", status: "committed", created_at: at(3_600_000), lease_until: at(LEASE_SLACK_MS - 1000) },
      { claim: "pos_sale", id: "psale_stuck", key: "k-stuck", status: "committed", receipt_number: "RCP-2026-000042", created_at: at(10 * 60_000), lease_until: at(LEASE_SLACK_MS + 1000) },
      { claim: "staff_setup", id: "first-owner", key: "first-owner", status: "pending", created_at: at(10 * 60_000) },
      { claim: "pos_outbox", id: "poutb_live", key: "ppay_1", status: "order_money", created_at: at(10 * 60_000), lease_until: at(LEASE_SLACK_MS - 1000) },
      { claim: "pos_outbox", id: "poutb_stuck", key: "pret_1", status: "order_money", created_at: at(10 * 60_000), lease_until: at(LEASE_SLACK_MS + 1000) },
    ], now);
    expect(breaches.map((b) => b.ref)).toEqual(["psale_stale", "wa_msg_1", "psale_stuck", "first-owner", "poutb_stuck"]);
    expect(breaches[0]!.message).toBe("Counter checkout k-stale was started 6 minutes ago and never finished.");
    expect(breaches[1]!.details).toMatchObject({ claim: "whatsapp_message", created_at: "2026-12-06T09:00:00.000Z" });
    expect(breaches[2]!.message).toBe("Counter sale RCP-2026-000042 was paid and taken from stock 10 minutes ago, but its order was never finished.");
    expect(breaches[3]!.message).toContain("first-run setup");
    expect(breaches[4]!.message).toBe("A counter payment or refund (pret_1) was recorded 10 minutes ago, but its money on the order was never finished.");
  });
});
