import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { renderPurchaseOrder, type PurchaseOrderDocumentData } from "../index.js";
import { quote } from "./fixtures.js";
import { flat, pdfPages, pdfText } from "./pdf-tools.js";

const order: PurchaseOrderDocumentData = {
  shop: quote.shop,
  po_number: "PO-2026-000007",
  issued_at: "2026-03-05T02:00:00Z",
  expected_at: "2026-03-09T02:00:00Z",
  deliver_to: "Shop",
  supplier: { name: "KL Mobile Parts Sdn Bhd", contact_name: "Mr Tan", phone: "+60312345678", email: "sales@klparts.example", address: "Lot 5, Plaza Low Yat" },
  lines: [
    { description: "iPhone 13 Screen (OEM)", sku: "PART-IP13-LCD-OEM", supplier_sku: "KL-IP13-OLED", quantity: 4, unit_cost_sen: 21050 },
    { description: "USB-C Cable 1m", sku: "ACC-USBC-1M", quantity: 20, unit_cost_sen: 605 },
  ],
  note: "Deliver before noon",
};

let text: string;
beforeAll(async () => {
  text = flat(pdfText(await renderPurchaseOrder(order)));
});

describe("purchase order", () => {
  it("is one A4 page with the shop, supplier, number, dates and lines", async () => {
    expect(pdfPages(await renderPurchaseOrder(order))).toEqual([{ width: 595.28, height: 841.89 }]);
    for (const expected of [
      "PURCHASE ORDER", "Pesanan Belian", "PO-2026-000007", "5 Mar 2026", "9 Mar 2026", "KL Mobile Parts Sdn Bhd", "Mr Tan",
      "iPhone 13 Screen (OEM)", "SKU PART-IP13-LCD-OEM", "Supplier code KL-IP13-OLED", "RM 210.50", "RM 842.00", "RM 6.05", "RM 121.00", "Deliver before noon",
    ]) expect(text, expected).toContain(expected);
  });

  it("totals ordered quantity × unit cost", () => {
    expect(text).toContain("RM 963.00");
  });

  it("refuses an order without lines, naming the field", async () => {
    const error = await renderPurchaseOrder({ ...order, lines: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues[0]!.path).toEqual(["lines"]);
  });
});
