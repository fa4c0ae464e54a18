import { z } from "zod";
import { normaliseImeiSerial } from "./customer-devices.js";

/** Luhn (mod 10) check over a string of digits, as used for the IMEI check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Double every second digit counting from the right (the check digit itself is not doubled).
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** True for a 15-digit IMEI (separators ignored) whose last digit is its Luhn check digit. */
export function isValidImei(value: string): boolean {
  const cleaned = normaliseImeiSerial(value);
  return !!cleaned && /^\d{15}$/.test(cleaned) && luhnValid(cleaned);
}

export type ImeiSerialCheck = { ok: true; value: string } | { ok: false; reason: string };

/**
 * What the intake desk accepts as "IMEI / serial": letters and digits (spaces, dashes, dots and
 * slashes dropped, uppercased), 4–32 characters. Exactly 15 digits is read as an IMEI and must
 * pass the Luhn check, so a mistyped IMEI is caught at the counter.
 */
export function checkImeiSerial(value: string): ImeiSerialCheck {
  const cleaned = normaliseImeiSerial(value);
  if (!cleaned) return { ok: false, reason: "IMEI / serial is empty" };
  if (!/^[A-Z0-9]+$/.test(cleaned)) return { ok: false, reason: "IMEI / serial may only contain letters and digits" };
  if (cleaned.length < 4) return { ok: false, reason: "IMEI / serial must have at least 4 letters or digits" };
  if (cleaned.length > 32) return { ok: false, reason: "IMEI / serial has at most 32 characters" };
  if (/^\d{15}$/.test(cleaned) && !luhnValid(cleaned)) {
    return { ok: false, reason: "not a valid IMEI (the check digit does not match; re-read it from *#06# or the SIM tray)" };
  }
  return { ok: true, value: cleaned };
}

/** Optional IMEI / serial of an intake body: blank means none; otherwise `checkImeiSerial`. */
export const intakeImeiSerialSchema = z
  .string()
  .max(100, "IMEI / serial is too long")
  .nullable()
  .transform((v, ctx) => {
    if (v === null || !v.trim()) return null;
    const check = checkImeiSerial(v);
    if (!check.ok) {
      ctx.addIssue({ code: "custom", message: check.reason });
      return z.NEVER;
    }
    return check.value;
  });

/** What came in with the device ("charger", "case", "SIM tray"): trimmed, blanks and repeats dropped. */
export const accessoriesSchema = z
  .array(z.string().trim().max(60, "an accessory name has at most 60 characters"))
  .max(20, "at most 20 accessories")
  .transform((items) => {
    const seen = new Set<string>();
    return items.filter((item) => {
      const key = item.toLowerCase();
      if (!item || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** Photos of a job are tagged by when they were taken. */
export const PHOTO_TAGS = ["before", "during", "after"] as const;
export const photoTagSchema = z.enum(PHOTO_TAGS);
export type PhotoTag = z.infer<typeof photoTagSchema>;

export const PHOTO_MIME_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoMimeType = (typeof PHOTO_MIME_TYPES)[number];
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_PHOTOS_PER_UPLOAD = 10;

/** What a job's timeline records besides status changes (those stay in the status history). */
export const REPAIR_JOB_EVENT_KINDS = ["assigned", "priority", "eta", "diagnosis", "note"] as const;
export const repairJobEventKindSchema = z.enum(REPAIR_JOB_EVENT_KINDS);
export type RepairJobEventKind = z.infer<typeof repairJobEventKindSchema>;
