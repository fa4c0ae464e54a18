import { describe, expect, it } from "vitest";
import {
  MESSAGE_TEMPLATE_KINDS,
  MESSAGE_TEMPLATES,
  messageTemplateUpdateProblem,
  messageTemplateUpdateSchema,
  overridesFromRows,
  renderMessage,
  unknownPlaceholders,
} from "./message-templates.js";

describe("message templates", () => {
  it("every default uses only its kind's placeholders, in both languages", () => {
    for (const kind of MESSAGE_TEMPLATE_KINDS) {
      expect(unknownPlaceholders(kind, MESSAGE_TEMPLATES[kind].defaults.en)).toEqual([]);
      expect(unknownPlaceholders(kind, MESSAGE_TEMPLATES[kind].defaults.ms)).toEqual([]);
      for (const name of MESSAGE_TEMPLATES[kind].placeholders) expect(MESSAGE_TEMPLATES[kind].sample[name]).toBeDefined();
    }
  });

  it("renders Malay then English for bilingual kinds, with the override where there is one", () => {
    const values = { nama: "Ali", model: "Galaxy A54", job_number: "VSH-2026-000001", shop_name: "Kedai Ali" };
    const body = renderMessage("pickup_reminder", values, { pickup_reminder: { ms: "Hai {nama}, {model} dah siap di {shop_name}." } });
    expect(body).toBe(
      "Hai Ali, Galaxy A54 dah siap di Kedai Ali.\n\nHi Ali, your Galaxy A54 (job VSH-2026-000001) is ready for pickup at Kedai Ali. Please bring your intake slip. Thank you!",
    );
  });

  it("renders one-language kinds in the customer's language", () => {
    expect(renderMessage("optout_confirmation", { shop_name: "Kedai Ali" }, {}, "en")).toBe(
      "You will no longer receive promotional messages from Kedai Ali. To subscribe again, reply START.",
    );
    expect(renderMessage("optout_confirmation", { shop_name: "Kedai Ali" })).toMatch(/^Anda tidak akan menerima mesej promosi daripada Kedai Ali/);
  });

  it("names the language and the unknown placeholder of a bad update", () => {
    expect(messageTemplateUpdateProblem("pos_receipt", { en: "Receipt {receipt_number} for {nama}" })).toMatch(/^en: unknown placeholder \{nama\}/);
    expect(messageTemplateUpdateProblem("pos_receipt", { ms: "Resit {receipt_number}: {total}" })).toBeNull();
    expect(messageTemplateUpdateProblem("pos_receipt", { ms: null })).toBeNull();
  });

  it("accepts null as a reset and refuses an empty body", () => {
    expect(messageTemplateUpdateSchema.safeParse({ ms: null }).success).toBe(true);
    expect(messageTemplateUpdateSchema.safeParse({}).success).toBe(false);
    expect(messageTemplateUpdateSchema.safeParse({ ms: "  " }).success).toBe(false);
    expect(messageTemplateUpdateSchema.safeParse({ fr: "Bonjour" }).success).toBe(false);
  });

  it("reads stored rows, skipping kinds this version does not know", () => {
    expect(overridesFromRows([
      { kind: "pos_receipt", language: "ms", body: "Resit {receipt_number}" },
      { kind: "retired_kind", language: "ms", body: "x" },
      { kind: "pos_receipt", language: "fr", body: "x" },
    ])).toEqual({ pos_receipt: { ms: "Resit {receipt_number}" } });
  });
});
