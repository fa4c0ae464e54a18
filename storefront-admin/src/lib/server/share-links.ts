import { fail } from "@sveltejs/kit";
import { MANAGERS, roleAllowed } from "@voltura/domain";
import { type DocumentShareLinkAnswer, type DocumentType } from "@voltura/contracts";
import { InvoicingApi, type CommerceClient } from "@voltura/medusa-client";
import { commerceProblem } from "./commerce";
import type { SessionStaff } from "./session-store";
import { m } from "$lib/paraglide/messages.js";

/** The document's WhatsApp links for its page, and whether this staff member may revoke them. */
export async function shareLinksFor(commerce: CommerceClient, staff: SessionStaff, kind: DocumentType, id: string) {
  let links: DocumentShareLinkAnswer[] = [];
  try {
    links = await new InvoicingApi(commerce).listShareLinks(kind, id);
  } catch (err) {
    console.error("[console] document links not loaded:", commerceProblem(err).message);
  }
  return { links, canRevokeLinks: roleAllowed(staff.role, MANAGERS) };
}

/** Managers: every WhatsApp link of the document stops opening. */
export async function revokeShareLinks(commerce: CommerceClient, kind: DocumentType, id: string) {
  try {
    const { revoked } = await new InvoicingApi(commerce).revokeShareLinks(kind, id);
    return { card: "links" as const, error: null, values: {}, done: revoked ? m.invoicing_links_revoked({ count: revoked }) : m.invoicing_links_no_open() };
  } catch (err) {
    const problem = commerceProblem(err);
    return fail(problem.status >= 400 && problem.status < 500 ? problem.status : 502, { card: "links" as const, error: problem.message, values: {}, done: null as string | null });
  }
}
