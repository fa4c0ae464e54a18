import type { MedusaResponse } from "@medusajs/framework/http";
import type { CustomerDTO, MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { InvalidPhoneError, normalisePhone } from "@voltura/domain";
import type { DuplicateCustomerError, DuplicateDeviceError } from "@voltura/contracts";
import { customerName, type DeviceRow } from "../../../domain/customer-state";
import { findCustomerByEmail, findCustomerByNormalisedPhone } from "../../../workflows/steps/customer-lookup";

/** E.164, or 400 naming the field. */
export function normalisePhoneOr400(phone: string, field = "phone"): string {
  try {
    return normalisePhone(phone);
  } catch (err) {
    if (err instanceof InvalidPhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${field}: ${err.message}`);
    throw err;
  }
}

/**
 * Answers 409 naming the customer that already has this phone or email, and returns true, or
 * returns false when neither is taken. Medusa's error handler would replace a CONFLICT message
 * with a generic one, so the answer is written here.
 */
export async function answerIfCustomerTaken(
  scope: MedusaContainer,
  res: MedusaResponse,
  wanted: { phone?: string; email?: string | null; exceptId?: string },
): Promise<boolean> {
  const byPhone = wanted.phone ? await findCustomerByNormalisedPhone(scope, wanted.phone, wanted.exceptId) : null;
  const byEmail = !byPhone && wanted.email ? await findCustomerByEmail(scope, wanted.email, wanted.exceptId) : null;
  const existing: CustomerDTO | null = byPhone ?? byEmail;
  if (!existing) return false;
  const field = byPhone ? "phone" : "email";
  const value = byPhone ? wanted.phone : wanted.email;
  const body: DuplicateCustomerError = {
    type: "duplicate_customer",
    field,
    message: `${field === "phone" ? "Phone" : "Email"} ${value} already belongs to ${customerName(existing)} (${existing.id})`,
    existing_customer: { id: existing.id, name: customerName(existing), phone: existing.phone ?? null, email: existing.email ?? null },
  };
  res.status(409).json(body);
  return true;
}

export function answerDuplicateDevice(res: MedusaResponse, device: DeviceRow): void {
  const body: DuplicateDeviceError = {
    type: "duplicate_device",
    message: `This customer already has a device with IMEI / serial ${device.imei_serial} (${device.brand} ${device.model}, ${device.id})`,
    existing_device: { id: device.id, device_type: device.device_type, brand: device.brand, model: device.model, imei_serial: device.imei_serial },
  };
  res.status(409).json(body);
}

/** The first error of a workflow run, as Medusa reports it. */
export function workflowError(errors: Array<{ error: unknown }>): { type?: string; message?: string } | undefined {
  return errors[0]?.error as { type?: string; message?: string } | undefined;
}
