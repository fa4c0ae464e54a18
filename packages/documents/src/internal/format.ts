import { formatPhoneForDisplay, formatShopTime, SHOP_TIME_ZONE } from "@voltura/domain";
import type { DocumentShop } from "../schemas.js";

export { formatMYR } from "@voltura/domain";

/** "5 Mar 2026, 3:05 pm" in shop time. */
export const shopDateTime = (iso: string): string => formatShopTime(iso);

const dateOnly = new Intl.DateTimeFormat("en-MY", { timeZone: SHOP_TIME_ZONE, day: "numeric", month: "short", year: "numeric" });
/** "5 Mar 2026" in shop time. */
export const shopDate = (iso: string): string => dateOnly.format(new Date(iso));

/** 012-345 6789 for Malaysian numbers; other strings are printed as given. */
export const displayPhone = (phone: string): string => (phone.trim() ? formatPhoneForDisplay(phone.trim()) : "");

/** The shop's address and contact lines under its name. */
export function shopContactLines(shop: DocumentShop): string[] {
  const phones = [
    shop.phone.trim() && `Tel ${displayPhone(shop.phone)}`,
    shop.whatsapp.trim() && `WhatsApp ${displayPhone(shop.whatsapp)}`,
  ].filter(Boolean).join("  ·  ");
  const registration = shop.registration_no.trim() && `Reg. No. ${shop.registration_no.trim()}`;
  const sst = shop.sst_no?.trim() ? `SST No. ${shop.sst_no.trim()}` : "";
  return [shop.address.trim(), phones, shop.email.trim(), registration, sst].filter((line) => line.length > 0);
}

export const daysLabel = (days: number): string => (days === 1 ? "1 day" : `${days} days`);
