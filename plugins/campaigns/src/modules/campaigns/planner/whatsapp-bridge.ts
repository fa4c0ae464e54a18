import type { MedusaContainer } from "@medusajs/framework/types";
import { Modules } from "@medusajs/framework/utils";
import type { CampaignMedia } from "@voltura/contracts";
import { rows, sqlConnection } from "@voltura/medusa-kit";
import { CampaignRefusal } from "./refusal";

export interface OutgoingMessage {
  to: string;
  body: string;
  media?: CampaignMedia | null;
  session_id?: string | null;
  idempotency_key: string;
  kind: "campaign" | "alert";
  ref: string;
}

interface SentMessage {
  id: string;
  status: string;
}

/** The given WhatsApp session, else the default (or first enabled) one; 409 when there is none. */
async function sessionFor(container: MedusaContainer, sessionId: string | null | undefined): Promise<string> {
  const [row] = await rows(sqlConnection(container), `SELECT id FROM whatsapp_session WHERE deleted_at IS NULL AND enabled = true
    ${sessionId ? "AND id = ?" : ""} ORDER BY is_default DESC, created_at LIMIT 1`, sessionId ? [sessionId] : []);
  if (!row) throw new CampaignRefusal(409, "session_unavailable", sessionId ? `WhatsApp number ${sessionId} is not available` : "No WhatsApp number is set up");
  return String(row.id);
}

/** The URL of a media file uploaded to the shop (the file module's own URL for its id). */
async function mediaOf(container: MedusaContainer, media: CampaignMedia | null | undefined) {
  if (!media) return null;
  let url = media.url;
  if (media.file_id) {
    try {
      url = (await container.resolve(Modules.FILE).retrieveFile(media.file_id)).url;
    } catch {
      throw new CampaignRefusal(400, "invalid_data", `Invalid request: media.file_id: no uploaded file ${media.file_id}`);
    }
  }
  return { url, file_id: media.file_id, mimetype: media.mimetype, filename: media.filename, kind: media.kind };
}

/**
 * Sends (or replays, by key) one message through the WhatsApp plugin's own workflow (`send-whatsapp-message`,
 * run by name so this plugin does not import another's code): the key is reserved once, the session's owner
 * transmits, another instance's outbox finishes it. The message may answer `pending` when the owner is elsewhere.
 */
export async function sendThroughGateway(container: MedusaContainer, message: OutgoingMessage): Promise<SentMessage> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE);
  const input = {
    session_id: await sessionFor(container, message.session_id),
    phone: message.to,
    customer_id: null,
    body: message.body,
    media: await mediaOf(container, message.media),
    idempotency_key: message.idempotency_key,
    context_kind: message.kind,
    context_ref: message.ref,
  };
  const { result, errors } = (await engine.run("send-whatsapp-message", { input, throwOnError: false })) as {
    result?: { message: SentMessage };
    errors?: { error: { code?: string; message: string } }[];
  };
  const error = errors?.[0]?.error;
  if (error || !result) {
    throw new CampaignRefusal(409, error?.code ?? "whatsapp_refused", `The WhatsApp gateway could not take the message: ${error?.message ?? "no answer"}`);
  }
  return result.message;
}

/** The staff member's own WhatsApp number (metadata.phone on their user), when they have one. */
export async function staffPhone(container: MedusaContainer, userId: string): Promise<string | null> {
  try {
    const user = await container.resolve(Modules.USER).retrieveUser(userId, { select: ["id", "metadata"] });
    const phone = (user.metadata as { phone?: unknown } | null)?.phone;
    return typeof phone === "string" && phone.trim() ? phone.trim() : null;
  } catch {
    return null;
  }
}

/**
 * Opts a phone out through the WhatsApp plugin's own workflow (`set-whatsapp-contact-opt-out`, run by name
 * so this plugin does not import another's code): the contact's opted_out_at, and
 * `whatsapp.contact.opted_out` when it is new.
 */
export async function optOutThroughGateway(container: MedusaContainer, phone: string): Promise<{ opted_out_now: boolean }> {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE);
  const { result } = (await engine.run("set-whatsapp-contact-opt-out", { input: { phone, opted_out: true } })) as { result: { opted_out_now: boolean } };
  return { opted_out_now: Boolean(result?.opted_out_now) };
}
