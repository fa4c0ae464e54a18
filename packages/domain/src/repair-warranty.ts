import { z } from "zod";

/** What voids a repair warranty (the shop's terms): recorded on the warranty, after which claims are refused. */
export const WARRANTY_VOID_REASONS = ["water_damage", "physical_damage", "opened_by_third_party"] as const;
export const warrantyVoidReasonSchema = z.enum(WARRANTY_VOID_REASONS);
export type WarrantyVoidReason = z.infer<typeof warrantyVoidReasonSchema>;

export const WARRANTY_VOID_REASON_LABELS: Record<WarrantyVoidReason, string> = {
  water_damage: "water damage",
  physical_damage: "physical damage",
  opened_by_third_party: "opened or repaired by a third party",
};

export const WARRANTY_STATES = ["active", "expired", "void"] as const;
export type WarrantyState = (typeof WARRANTY_STATES)[number];

export interface WarrantyTerms {
  starts_at: Date | string;
  ends_at: Date | string;
  void_reason?: WarrantyVoidReason | null;
}

const DAY_MS = 86_400_000;
const asDate = (d: Date | string) => (typeof d === "string" ? new Date(d) : d);

/** A warranty starts at delivery and ends `days` later (same time of day). */
export function warrantyEndsAt(startsAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`warranty days must be a non-negative integer, got ${days}`);
  return new Date(startsAt.getTime() + days * DAY_MS);
}

/** Active, expired or void, and whole days left (rounded up: 1 hour left is "1 day left"). Void wins over expiry. */
export function warrantyStatus(w: WarrantyTerms, now: Date = new Date()): { state: WarrantyState; days_left: number } {
  if (w.void_reason) return { state: "void", days_left: 0 };
  const msLeft = asDate(w.ends_at).getTime() - now.getTime();
  if (msLeft <= 0) return { state: "expired", days_left: 0 };
  return { state: "active", days_left: Math.ceil(msLeft / DAY_MS) };
}

export type ClaimCheck = { ok: true } | { ok: false; reason: string };

/**
 * May a claim be opened on this warranty now? Void and expired warranties are refused with the
 * reason; an active warranty accepts any number of claims (a second failure is still covered).
 */
export function checkWarrantyClaim(w: WarrantyTerms, now: Date = new Date()): ClaimCheck {
  if (w.void_reason) {
    return { ok: false, reason: `The warranty is void: ${WARRANTY_VOID_REASON_LABELS[w.void_reason]}` };
  }
  if (asDate(w.ends_at).getTime() <= now.getTime()) {
    return { ok: false, reason: `The warranty expired on ${asDate(w.ends_at).toISOString().slice(0, 10)}` };
  }
  return { ok: true };
}

/** A warranty that was voided cannot be voided again, and an expired one needs no voiding. */
export function checkWarrantyVoid(w: WarrantyTerms, now: Date = new Date()): ClaimCheck {
  if (w.void_reason) return { ok: false, reason: `The warranty is already void (${WARRANTY_VOID_REASON_LABELS[w.void_reason]})` };
  if (asDate(w.ends_at).getTime() <= now.getTime()) return { ok: false, reason: "The warranty has already expired" };
  return { ok: true };
}

/** Labour on a warranty-claim job is not charged: its price is forced to zero. */
export function claimJobLabourPrice<T extends { unit_price_sen: number; rate_sen?: number | null }>(line: T): T {
  return { ...line, unit_price_sen: 0, rate_sen: line.rate_sen == null ? line.rate_sen : 0 };
}

/**
 * Does a delivered line start a warranty of its own? Lines with warranty days do; on a warranty
 * claim job only what the customer paid for does, so re-repairing under warranty (free) neither
 * resets nor extends the original warranty, which keeps its own end date.
 */
export function lineStartsWarranty(line: { warranty_days: number; amount_sen: number }, isClaimJob: boolean): boolean {
  if (line.warranty_days <= 0) return false;
  if (isClaimJob && line.amount_sen === 0) return false;
  return true;
}

/** Days of warranty for a new line: the product's metadata.warranty_days when valid, else the shop default. */
export function defaultWarrantyDays(productMetadata: Record<string, unknown> | null | undefined, shopDefault: number): number {
  const raw = productMetadata?.warranty_days;
  const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 3650 ? n : shopDefault;
}

/** The issue text of a claim job: "Warranty claim VSH-2026-000123: screen flickers again". */
export function warrantyClaimIssue(originalJobNumber: string, issue: string): string {
  return `Warranty claim ${originalJobNumber}: ${issue.trim()}`;
}
