import { normaliseImeiSerial, type DeviceType } from "@voltura/domain";

/** The device fields of an intake (imei_serial and colour are optional extras of the intake form). */
export interface IntakeDevice {
  device_type: DeviceType;
  brand: string;
  model: string;
  imei_serial?: string | null;
  colour?: string | null;
}

/** The intake's device, trimmed, with the IMEI / serial normalised and blank extras as null. */
export function intakeDevice(input: IntakeDevice): IntakeDevice {
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
  return {
    device_type: input.device_type,
    brand: input.brand.trim(),
    model: input.model.trim(),
    imei_serial: normaliseImeiSerial(text(input.imei_serial)),
    colour: text(input.colour),
  };
}
