import { z } from "zod";
import type { DeviceType } from "./repair-status.js";

/**
 * IMEI or serial number as stored: spaces, dashes, dots and slashes removed, uppercase
 * ("35-209900-176148-1" → "352099001761481"). Null when nothing is left.
 */
export function normaliseImeiSerial(value: string | null | undefined): string | null {
  if (value == null) return null;
  const cleaned = value.replace(/[\s\-./]/g, "").toUpperCase();
  return cleaned || null;
}

export const imeiSerialSchema = z
  .string()
  .transform((v) => normaliseImeiSerial(v) ?? "")
  .pipe(
    z
      .string()
      .min(4, "IMEI / serial must have at least 4 letters or digits")
      .max(32, "IMEI / serial has at most 32 characters")
      .regex(/^[A-Z0-9]+$/, "IMEI / serial may only contain letters and digits"),
  );

export interface DeviceIdentity {
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial?: string | null;
}

const same = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * Which of a customer's devices an intake is about. With an IMEI / serial only a device with that
 * number matches (a second identical phone is another device); without one, the customer's device
 * of the same type, brand and model (case and spacing ignored) matches. `devices` should be in
 * order of preference (most recent first); the first match wins. Null means a new device.
 */
export function matchIntakeDevice<T extends DeviceIdentity>(devices: readonly T[], intake: DeviceIdentity): T | null {
  const imei = normaliseImeiSerial(intake.imei_serial);
  if (imei) return devices.find((d) => normaliseImeiSerial(d.imei_serial) === imei) ?? null;
  return (
    devices.find((d) => d.device_type === intake.device_type && same(d.brand, intake.brand) && same(d.model, intake.model)) ?? null
  );
}
