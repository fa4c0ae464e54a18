import { error, fail } from "@sveltejs/kit";
import { type DocumentType } from "@voltura/contracts";
import { CommerceError, InvoicingApi, sendDocumentByWhatsApp, type CommerceClient } from "@voltura/medusa-client";
import { commerceProblem } from "./commerce";
import { commerceErrorFrom, commerceFetch } from "./commerce-raw";
import { getEnv } from "./env";
import type { SessionStaff } from "./session-store";
import { m } from "$lib/paraglide/messages.js";

export type SalesCard = "status" | "convert" | "send" | "payment" | "lines";

/** A failed action, shown on its card. */
export function cardFailure(card: SalesCard, err: unknown, values: Record<string, string> = {}) {
  const problem = commerceProblem(err);
  const status = problem.status >= 400 && problem.status < 500 ? problem.status : 502;
  return fail(status, { card, error: problem.message, values, done: null as string | null });
}

/** Sends the document by email (commerce, SMTP or outbox) or WhatsApp (the gateway, with the PDF link). */
export async function sendDocument(commerce: CommerceClient, kind: DocumentType, id: string, form: FormData) {
  const channel = String(form.get("channel") ?? "");
  const to = String(form.get("to") ?? "").trim() || null;
  const values = { channel, to: to ?? "" };
  try {
    if (channel === "email") {
      const api = new InvoicingApi(commerce);
      const sent = kind === "quotation" ? await api.sendQuotation(id, { channel: "email", to }) : await api.sendInvoice(id, { channel: "email", to });
      const done = sent.delivery === "outbox" ? m.invoicing_email_outbox({ to: sent.to }) : m.invoicing_emailed({ to: sent.to });
      return { card: "send" as const, error: null, values, done };
    }
    if (channel === "whatsapp") {
      const key = String(form.get("send_key") ?? "").trim();
      if (!/^[\w-]{8,80}$/.test(key)) return fail(400, { card: "send" as const, error: m.invoicing_reload(), values, done: null });
      const { message } = await sendDocumentByWhatsApp(commerce, { kind, id, commerceUrl: getEnv().MEDUSA_URL, idempotencyKey: `${kind}:${id}:wa:${key}`, to });
      return { card: "send" as const, error: null, values, done: m.invoicing_whatsapped({ phone: message.phone, status: message.status }) };
    }
    return fail(400, { card: "send" as const, error: m.invoicing_choose_channel(), values, done: null });
  } catch (err) {
    if (err instanceof CommerceError && err.status === 409 && (err.body as { code?: string })?.code === "opted_out") {
      return fail(409, { card: "send" as const, error: m.invoicing_opted_out(), values, done: null });
    }
    if (err instanceof Error && !(err instanceof CommerceError)) return fail(400, { card: "send" as const, error: err.message, values, done: null });
    return cardFailure("send", err, values);
  }
}

/** Streams a file (PDF, JSON) from commerce as the signed-in staff member. */
export async function proxyCommerceFile(staff: SessionStaff, path: string, disposition: "inline" | "attachment"): Promise<Response> {
  let res: Response;
  try {
    res = await commerceFetch(staff, path);
  } catch (err) {
    error(503, { message: commerceProblem(err).message });
  }
  if (!res.ok) {
    const problem = commerceProblem(await commerceErrorFrom(res));
    error(problem.status >= 500 ? 502 : problem.status, { message: problem.message });
  }
  const header = res.headers.get("content-disposition") ?? `${disposition}; filename="document"`;
  return new Response(res.body, {
    headers: {
      "content-type": res.headers.get("content-type") ?? "application/octet-stream",
      "content-disposition": header.replace(/^(inline|attachment)/i, disposition),
      "cache-control": "private, no-store",
    },
  });
}
