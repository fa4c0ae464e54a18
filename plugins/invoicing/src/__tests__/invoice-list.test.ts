import type { InvoiceListEntry } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import { invoiceKindsToRead, invoiceOrder, mergeInvoicePages } from "../domain/invoice-list";

const entry = (kind: InvoiceListEntry["kind"], n: number, issued: string): InvoiceListEntry => ({
  kind, id: `${kind}_${n}`, invoice_number: `INV-2026-${String(n).padStart(6, "0")}`, issued_at: issued, buyer_name: kind === "direct" ? "Buyer" : null,
  total_sen: 1000, status: kind === "direct" ? "unpaid" : null, balance_sen: kind === "direct" ? 1000 : null, repair_job_id: kind === "repair" ? `rjob_${n}` : null,
});

describe("the invoice list of both kinds", () => {
  it("reads both tables unless a kind is asked; a status filter reads direct invoices only", () => {
    expect(invoiceKindsToRead({})).toEqual(["repair", "direct"]);
    expect(invoiceKindsToRead({ kind: "repair" })).toEqual(["repair"]);
    expect(invoiceKindsToRead({ status: "paid" })).toEqual(["direct"]);
    expect(invoiceKindsToRead({ kind: "repair", status: "paid" })).toEqual([]);
  });

  it("orders each table the same way, number breaking ties of time", () => {
    expect(invoiceOrder("-issued_at")).toEqual({ issued_at: "DESC", invoice_number: "DESC" });
    expect(invoiceOrder("number")).toEqual({ invoice_number: "ASC" });
  });

  it("merges the pages of both kinds and cuts the window out of them", () => {
    const repair = [entry("repair", 4, "2026-12-04T02:00:00Z"), entry("repair", 1, "2026-12-01T02:00:00Z")];
    const direct = [entry("direct", 3, "2026-12-03T02:00:00Z"), entry("direct", 2, "2026-12-01T02:00:00Z")];
    const numbers = (rows: InvoiceListEntry[]) => rows.map((r) => r.invoice_number.slice(-1));
    expect(numbers(mergeInvoicePages([repair, direct], "-issued_at", { limit: 10, offset: 0 }))).toEqual(["4", "3", "2", "1"]);
    expect(numbers(mergeInvoicePages([repair, direct], "number", { limit: 2, offset: 1 }))).toEqual(["2", "3"]);
    expect(mergeInvoicePages([repair, []], "-number", { limit: 1, offset: 0 })[0]).toMatchObject({ kind: "repair", repair_job_id: "rjob_4" });
  });
});
