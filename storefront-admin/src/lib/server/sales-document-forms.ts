import { salesBuyerSchema, salesLineSchema, type SalesBuyerInput, type SalesLineInput } from "@voltura/contracts";
import { CommerceError } from "@voltura/medusa-client";
import { z } from "zod";
import { parseMoneyInput, senToInput } from "$lib/repair/money";
import type { EditorLine } from "$lib/sales/labels";
import { m } from "$lib/paraglide/messages.js";

export const BUYER_FIELDS = ["name", "phone", "email", "address", "tin", "brn", "nric", "sst_no"] as const;
export type BuyerValues = Record<(typeof BUYER_FIELDS)[number], string>;

export interface DocumentFormValues {
  buyer: BuyerValues;
  lines: EditorLine[];
  notes: string;
}

export type ParsedDocumentForm =
  | { ok: true; buyer: SalesBuyerInput; lines: SalesLineInput[]; notes: string | null; values: DocumentFormValues }
  | { ok: false; errors: Record<string, string>; values: DocumentFormValues };

const editorLineSchema = z.object({
  description: z.string(), kind: z.enum(["item", "service"]).catch("item"), quantity: z.string(), unit_price: z.string(), discount: z.string(),
});

function readLines(form: FormData): EditorLine[] {
  try {
    const parsed = z.array(editorLineSchema).max(200).safeParse(JSON.parse(String(form.get("lines_json") ?? "[]")));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Reads the buyer, the lines (RM as typed → sen) and notes; errors keyed like "buyer.tin", "lines.0.unit_price". */
export function parseDocumentForm(form: FormData): ParsedDocumentForm {
  const buyer = Object.fromEntries(BUYER_FIELDS.map((f) => [f, String(form.get(`buyer_${f}`) ?? "").trim()])) as BuyerValues;
  const lines = readLines(form);
  const notes = String(form.get("notes") ?? "").trim();
  const values = { buyer, lines, notes };
  const errors: Record<string, string> = {};

  const parsedBuyer = salesBuyerSchema.safeParse(buyer);
  if (!parsedBuyer.success) for (const issue of parsedBuyer.error.issues) errors[`buyer.${issue.path.join(".")}`] ??= issue.message;

  const bodyLines: SalesLineInput[] = [];
  if (!lines.length) errors.lines = m.invoicing_add_one_line();
  lines.forEach((line, i) => {
    const unit = parseMoneyInput(line.unit_price);
    const discount = line.discount.trim() ? parseMoneyInput(line.discount) : 0;
    const quantity = Number(line.quantity);
    if (unit === null) errors[`lines.${i}.unit_price`] = m.invoicing_bad_price();
    if (discount === null) errors[`lines.${i}.discount`] = m.invoicing_bad_discount();
    if (!Number.isInteger(quantity) || quantity < 1) errors[`lines.${i}.quantity`] = m.invoicing_bad_quantity();
    const candidate = { description: line.description, kind: line.kind, quantity, unit_price_sen: unit ?? 0, discount_sen: discount ?? 0 };
    const parsed = salesLineSchema.safeParse(candidate);
    if (!parsed.success) for (const issue of parsed.error.issues) errors[`lines.${i}.${String(issue.path[0])}`] ??= issue.message;
    if (unit !== null && discount !== null && discount > unit * (Number.isInteger(quantity) ? quantity : 1)) {
      errors[`lines.${i}.discount`] = m.invoicing_discount_too_big();
    }
    bodyLines.push(candidate);
  });
  if (Object.keys(errors).length || !parsedBuyer.success) return { ok: false, errors, values };
  return { ok: true, buyer, lines: bodyLines, notes: notes || null, values };
}

/** Turns commerce's "Invalid request: lines.0.discount_sen: …" into field errors the form shows. */
export function commerceFieldErrors(err: unknown): Record<string, string> | null {
  if (!(err instanceof CommerceError) || err.status !== 400) return null;
  const errors: Record<string, string> = {};
  for (const part of err.message.replace(/^Invalid request:\s*/, "").split("; ")) {
    const m = /^([\w.]+)(?::| is)\s*(.*)$/.exec(part);
    if (!m) continue;
    const field = m[1]!.replace(/_sen$/, "").replace(/^lines\.(\d+)\.unit_price$/, "lines.$1.unit_price").replace(/\.discount$/, ".discount");
    errors[field] = m[2] || "is required";
  }
  return Object.keys(errors).length ? errors : null;
}

export function documentFormValues(doc?: {
  buyer: Partial<Record<(typeof BUYER_FIELDS)[number], string | null>>;
  lines: Array<{ description: string; kind: "item" | "service"; quantity: number; unit_price_sen: number; discount_sen: number }>;
  notes: string | null;
}): DocumentFormValues {
  return {
    buyer: Object.fromEntries(BUYER_FIELDS.map((f) => [f, doc?.buyer[f] ?? ""])) as BuyerValues,
    lines: doc?.lines.map((l) => ({
      description: l.description, kind: l.kind, quantity: String(l.quantity), unit_price: senToInput(l.unit_price_sen), discount: l.discount_sen ? senToInput(l.discount_sen) : "",
    })) ?? [{ description: "", kind: "item", quantity: "1", unit_price: "", discount: "" }],
    notes: doc?.notes ?? "",
  };
}
