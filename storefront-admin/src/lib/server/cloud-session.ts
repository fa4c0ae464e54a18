import { error } from "@sveltejs/kit";
import { type WhatsAppSession } from "@voltura/contracts";
import { getWhatsAppSession, type CommerceClient } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "./commerce";

/** A Cloud API number by id, or the 404 page (unknown id, or a number of another kind). */
export async function cloudSessionOr404(commerce: CommerceClient, id: string): Promise<WhatsAppSession> {
  let session: WhatsAppSession;
  try {
    session = await getWhatsAppSession(commerce, id);
  } catch (err) {
    const problem = commerceProblem(err);
    error(problem.status === 404 ? 404 : problem.status, { message: problem.status === 404 ? m.cloud_no_such_number() : problem.message });
  }
  if (session.kind !== "cloud_api") error(404, { message: m.cloud_not_cloud_number() });
  return session;
}
