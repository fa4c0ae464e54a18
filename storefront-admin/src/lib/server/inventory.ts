import { fail, type ActionFailure } from "@sveltejs/kit";
import { toSafeCsv } from "@voltura/domain";
import { type InventoryLevelRow } from "@voltura/contracts";
import { InventoryApi, type CommerceClient } from "@voltura/medusa-client";
import { commerceProblem } from "./commerce";

export const inventoryApi = (commerce: CommerceClient) => new InventoryApi(commerce);

export interface InventoryFailure {
  form: string;
  error: string;
  values?: Record<string, string>;
}

/** Runs a commerce call for a form: its success sentence, or commerce's message (400 / 409) for that form. */
export async function inventoryAction(form: string, call: () => Promise<string>, values?: Record<string, string>): Promise<{ form: string; success: string } | ActionFailure<InventoryFailure>> {
  try {
    return { form, success: await call() };
  } catch (err) {
    const { status, message } = commerceProblem(err);
    return fail(status >= 400 && status < 600 ? status : 502, { form, error: message, ...(values ? { values } : {}) });
  }
}

export function refuseForm(form: string, error: string, values?: Record<string, string>) {
  return fail(400, { form, error, ...(values ? { values } : {}) });
}

/** A whole number from a form field (null when empty or not a whole number). */
export function wholeNumber(value: FormDataEntryValue | null): number | null {
  if (typeof value !== "string" || !/^-?\d+$/.test(value.trim())) return null;
  return Number(value.trim());
}

export const LEVELS_CSV_HEADER = ["Item", "SKU", "Barcode", "Location", "On hand", "Reserved", "Available", "Low-stock threshold", "Low stock", "Average cost (RM)"] as const;

/** The levels export (costs in ringgit with two decimals; every text cell spreadsheet-safe through toSafeCsv). */
export function levelsCsv(levels: readonly InventoryLevelRow[]): string {
  const rows = levels.map((l) => [
    l.title, l.sku ?? "", l.barcode ?? "", l.location_name ?? l.location_id, l.on_hand, l.reserved,
    l.available, l.low_stock_threshold, l.low_stock, (l.average_cost_sen / 100).toFixed(2),
  ]);
  return toSafeCsv(LEVELS_CSV_HEADER, rows, { bom: true });
}
