import { CommerceError } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { commerceFieldErrors, documentFormValues, parseDocumentForm } from "./sales-document-forms";

function form(fields: Record<string, string>, lines: unknown[]): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  data.set("lines_json", JSON.stringify(lines));
  return data;
}
const line = (over: Record<string, string> = {}) => ({ description: "Screen", kind: "item", quantity: "2", unit_price: "RM 450.00", discount: "50", ...over });

describe("parseDocumentForm", () => {
  it("turns typed ringgit into sen and blank buyer fields into null", () => {
    const parsed = parseDocumentForm(form({ buyer_name: "Syarikat Maju Jaya", buyer_tin: "c10000000020", notes: " " }, [line(), line({ kind: "service", quantity: "1", unit_price: "80", discount: "" })]));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lines).toEqual([
      { description: "Screen", kind: "item", quantity: 2, unit_price_sen: 45000, discount_sen: 5000 },
      { description: "Screen", kind: "service", quantity: 1, unit_price_sen: 8000, discount_sen: 0 },
    ]);
    expect(parsed.buyer.name).toBe("Syarikat Maju Jaya");
    expect(parsed.notes).toBeNull();
  });

  it.each([
    [{}, [line()], "buyer.name"],
    [{ buyer_name: "A", buyer_tin: "123" }, [line()], "buyer.tin"],
    [{ buyer_name: "A", buyer_email: "nope" }, [line()], "buyer.email"],
    [{ buyer_name: "A" }, [], "lines"],
    [{ buyer_name: "A" }, [line({ unit_price: "12.345" })], "lines.0.unit_price"],
    [{ buyer_name: "A" }, [line({ quantity: "0" })], "lines.0.quantity"],
    [{ buyer_name: "A" }, [line({ description: "" })], "lines.0.description"],
    [{ buyer_name: "A" }, [line({ discount: "901" })], "lines.0.discount"],
  ])("names the field at fault: %j %j → %s", (fields, lines, field) => {
    const parsed = parseDocumentForm(form(fields as Record<string, string>, lines));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(Object.keys(parsed.errors)).toContain(field);
      expect(parsed.values.lines).toHaveLength(lines.length);
    }
  });

  it("survives a tampered lines field", () => {
    const data = new FormData();
    data.set("buyer_name", "A");
    data.set("lines_json", "{not json");
    const parsed = parseDocumentForm(data);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.lines).toBeDefined();
  });
});

describe("commerce answers", () => {
  it("maps commerce's 400 message onto form fields", () => {
    const err = new CommerceError(400, "Invalid request: lines.0.discount_sen: 101 sen is more than the line's 100 sen; buyer.tin: expected a Malaysian TIN");
    expect(commerceFieldErrors(err)).toEqual({ "lines.0.discount": "101 sen is more than the line's 100 sen", "buyer.tin": "expected a Malaysian TIN" });
    expect(commerceFieldErrors(new CommerceError(409, "conflict"))).toBeNull();
  });

  it("fills the editor from a saved document", () => {
    const values = documentFormValues({ buyer: { name: "A", tin: null }, lines: [{ description: "x", kind: "service", quantity: 3, unit_price_sen: 1250, discount_sen: 0 }], notes: null });
    expect(values.lines).toEqual([{ description: "x", kind: "service", quantity: "3", unit_price: "12.50", discount: "" }]);
    expect(values.buyer.tin).toBe("");
  });
});
