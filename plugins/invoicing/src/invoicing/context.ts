import type { MedusaContainer } from "@medusajs/framework/types";
import { MedusaError } from "@medusajs/framework/utils";
import { INVOICING_MODULE } from "../modules/invoicing/index";
import type InvoicingModuleService from "../modules/invoicing/service";

export function invoicingService(container: MedusaContainer): InvoicingModuleService {
  return container.resolve<InvoicingModuleService>(INVOICING_MODULE);
}

/** The slice of the platform plugin's Temporal client that invoicing uses (resolved by key). */
export interface TemporalStarter {
  start(opts: { workflowType: string; workflowId: string; taskQueue: string; args: unknown[] }): Promise<unknown>;
  signal(workflowId: string, signal: string, args: unknown[]): Promise<void>;
  terminate(workflowId: string, reason: string): Promise<void>;
}

export function temporalClient(container: MedusaContainer): TemporalStarter {
  return container.resolve<TemporalStarter>("temporal");
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
