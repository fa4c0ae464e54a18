import { error, type RequestEvent } from "@sveltejs/kit";
import { MANAGERS, type StaffRole } from "@voltura/domain";
import type { DocumentType } from "@voltura/contracts";
import { commerceProblem } from "./commerce";
import { requireRole } from "./guard";
import { sendDocument } from "./sales-actions";
import { revokeShareLinks } from "./share-links";

/** Quotations and invoices are counter work: cashiers, managers and owners. */
export const INVOICING_STAFF: readonly StaffRole[] = ["owner", "manager", "cashier"];

/** The actions a quotation's and an invoice's page share: sending it, and (managers) revoking its WhatsApp links. */
export function documentShareActions(kind: DocumentType) {
  return {
    send: async ({ locals, params, request }: RequestEvent<{ id: string }>) => {
      const { commerce } = requireRole(locals, INVOICING_STAFF);
      return sendDocument(commerce, kind, params.id, await request.formData());
    },
    revokeLinks: async ({ locals, params }: RequestEvent<{ id: string }>) => {
      const { commerce } = requireRole(locals, MANAGERS);
      return revokeShareLinks(commerce, kind, params.id);
    },
  };
}

/** A document page that cannot load: not found stays 404, commerce down is 503, the rest as commerce said. */
export function documentLoadFailed(err: unknown): never {
  const problem = commerceProblem(err);
  error(problem.status === 404 ? 404 : problem.status >= 500 ? 503 : problem.status, { message: problem.message });
}
