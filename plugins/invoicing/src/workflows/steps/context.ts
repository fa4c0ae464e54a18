import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { TEMPORAL_MODULE, type TemporalClientService } from "@voltura/plugin-platform/modules/temporal";
import { INVOICING_MODULE } from "../../modules/invoicing/index";
import type InvoicingModuleService from "../../modules/invoicing/service";

export function invoicingService(container: MedusaContainer): InvoicingModuleService {
  return container.resolve<InvoicingModuleService>(INVOICING_MODULE);
}

/** The platform plugin's Temporal client (starts, signals and ends the quotation follow-ups). */
export function temporalClient(container: MedusaContainer): TemporalClientService {
  return container.resolve<TemporalClientService>(TEMPORAL_MODULE);
}

/** A 409 carrying its details; routes answer it themselves (Medusa hides CONFLICT messages). */
export function invoicingConflict(type: string, message: string, details: Record<string, unknown> = {}): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.CONFLICT, message), { details: { type, ...details } });
}

/** A 400 naming the field. */
export function invoicingInvalid(field: string, message: string): MedusaError {
  return Object.assign(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`), { details: { field } });
}

export function notFound(what: string, id: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_FOUND, `${what} ${id} was not found`);
}
