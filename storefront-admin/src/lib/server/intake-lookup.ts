import { formatPhoneForDisplay, normaliseImeiSerial, tryNormalisePhone } from "@voltura/domain";
import type { CommerceClient } from "@voltura/medusa-client";
import type { CustomerMatch, WarrantyView } from "$lib/types";
import { sortWarranties, warrantyView } from "./warranty-view";

/** Existing customers whose phone starts with what was typed (3+ digits), exact match first. */
export async function lookupCustomers(commerce: CommerceClient, phone: string): Promise<CustomerMatch[]> {
  const typed = phone.trim().slice(0, 32);
  if (typed.replace(/\D/g, "").length < 3) return [];
  const found = await commerce.lookupCrmCustomers(typed);
  return found.map((c) => ({
    id: c.id,
    name: c.name,
    phone: c.phone,
    phoneDisplay: c.phone ? formatPhoneForDisplay(c.phone) : "",
    exact: c.match === "exact",
  }));
}

export interface WarrantyLookup {
  /** What was looked up (IMEI / serial as stored, phone as displayed). */
  by: { imei: string | null; phone: string | null };
  /** Warranties on this very device (by IMEI / serial). */
  device: WarrantyView[];
  /** The customer's other warranties (by phone), not already in `device`. */
  customer: WarrantyView[];
}

/**
 * Warranties on record for the device (IMEI / serial, 4+ characters) and for the customer's
 * phone (a valid number). Empty when neither is usable yet.
 */
export async function lookupWarranties(commerce: CommerceClient, input: { imei: string; phone: string }): Promise<WarrantyLookup> {
  const cleaned = normaliseImeiSerial(input.imei);
  const imei = cleaned && cleaned.length >= 4 && cleaned.length <= 40 ? cleaned : null;
  const phone = tryNormalisePhone(input.phone);
  const [byDevice, byPhone] = await Promise.all([
    imei ? commerce.lookupRepairWarranties({ imei }) : Promise.resolve([]),
    phone ? commerce.lookupRepairWarranties({ phone }) : Promise.resolve([]),
  ]);
  const onDevice = new Set(byDevice.map((w) => w.id));
  return {
    by: { imei, phone: phone ? formatPhoneForDisplay(phone) : null },
    device: sortWarranties(byDevice.map(warrantyView)),
    customer: sortWarranties(byPhone.filter((w) => !onDevice.has(w.id)).map(warrantyView)),
  };
}
