import { describe, expect, it } from "vitest";
import { parseInvoicesView } from "$lib/server/sales-document-lists";
import { INVOICE_KIND_LABELS, invoiceEntryHref } from "./invoice-list";

describe("the Invoices page of both kinds", () => {
  it("opens a repair invoice on its job and a direct invoice on its page", () => {
    expect(invoiceEntryHref({ kind: "repair", id: "rinv_1", repair_job_id: "rjob 1" })).toBe("/jobs/rjob%201");
    expect(invoiceEntryHref({ kind: "direct", id: "sinv_1", repair_job_id: null })).toBe("/invoicing/invoices/sinv_1");
  });

  it("names both kinds", () => {
    expect(INVOICE_KIND_LABELS).toEqual({ repair: "Repair job", direct: "Direct" });
  });

  it("reads the kind filter from the URL and ignores an unknown one", () => {
    expect(parseInvoicesView(new URLSearchParams("kind=repair&status=paid")).kind).toBe("repair");
    expect(parseInvoicesView(new URLSearchParams("kind=direct")).kind).toBe("direct");
    expect(parseInvoicesView(new URLSearchParams("kind=other")).kind).toBe("");
  });
});
