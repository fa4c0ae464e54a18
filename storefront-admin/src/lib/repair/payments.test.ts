import { describe, expect, it } from "vitest";
import { paymentsFromForm, tallyPayments } from "./payments";

describe("pickup payments", () => {
  it("shows the balance while payments fall short", () => {
    expect(tallyPayments(10000, [{ method: "duitnow_qr", amountSen: 6000 }])).toMatchObject({ paidSen: 6000, balanceSen: 4000, changeSen: 0 });
  });

  it("gives change when cash goes over", () => {
    const t = tallyPayments(10000, [{ method: "duitnow_qr", amountSen: 6000 }, { method: "cash", amountSen: 5000 }]);
    expect(t).toEqual({ paidSen: 11000, balanceSen: 0, changeSen: 1000, problem: null });
  });

  it("refuses card or QR payments over the amount due", () => {
    expect(tallyPayments(5000, [{ method: "card", amountSen: 6000 }]).problem).toMatch(/Only cash/);
  });

  it("reads the amount fields of the form", () => {
    const form: Record<string, string> = { amount_cash: "RM 50", amount_duitnow_qr: "12.30", reference_duitnow_qr: "DN123", amount_card: "", amount_ewallet: "abc" };
    const { entries, errors } = paymentsFromForm((n) => form[n] ?? "");
    expect(entries).toEqual([
      { method: "cash", amountSen: 5000 },
      { method: "duitnow_qr", amountSen: 1230, reference: "DN123" },
    ]);
    expect(Object.keys(errors)).toEqual(["amount_ewallet"]);
  });
});
