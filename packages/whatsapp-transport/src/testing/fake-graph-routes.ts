import type { IncomingMessage } from "node:http";
import { graphErrorAnswer, type WebhookIdentity } from "./fake-graph-payloads.js";
import type { Answer, FakeGraphAccount, FakeGraphSentMessage, FakeGraphTemplate } from "./fake-graph-state.js";

export interface GraphRoutesContext {
  account: FakeGraphAccount;
  identity: WebhookIdentity;
  accessToken: string;
  verifiedName: string;
  baseUrl: () => string;
  /** A message was accepted (the server then posts its automatic statuses). */
  onAccepted: (message: FakeGraphSentMessage) => void;
  onTemplateSubmitted: (template: FakeGraphTemplate) => void;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The Graph API endpoints: POST /{v}/{pnid}/messages, POST /{v}/{pnid}/media (multipart),
 * GET /{v}/{media-id} + GET /media-download/{id}, GET|POST /{v}/{waba}/message_templates,
 * GET /{v}/{pnid}?fields=… . Every call needs the bearer token (else Graph error 190).
 */
export async function routeGraphRequest(request: IncomingMessage, context: GraphRoutesContext): Promise<Answer> {
  const { account, identity, accessToken } = context;
  const url = new URL(request.url ?? "/", "http://fake");
  if (request.headers.authorization !== `Bearer ${accessToken}`) return graphErrorAnswer({ code: 190, httpStatus: 401 });
  const download = /^\/media-download\/(\d+)$/.exec(url.pathname);
  if (download) {
    const media = account.media.get(download[1]!);
    return media ? { httpStatus: 200, body: media.bytes } : { httpStatus: 404, body: { error: "not found" } };
  }
  const match = /^\/v\d+\.\d+\/([^/]+)(?:\/([a-z_]+))?$/.exec(url.pathname);
  if (!match) return graphErrorAnswer({ code: 100, details: `unknown path ${url.pathname}` });
  const [, node = "", edge] = match;
  const raw = request.method === "POST" ? await readBody(request) : Buffer.alloc(0);
  if (node === identity.phoneNumberId && edge === "messages" && request.method === "POST") {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      return graphErrorAnswer({ code: 100, details: "the body is not JSON" });
    }
    const result = account.postMessage(body);
    const accepted = account.sent.at(-1);
    if (result.httpStatus === 200 && accepted && (result.body as { messages?: { id: string }[] }).messages?.[0]?.id === accepted.wamid) {
      context.onAccepted(accepted);
    }
    return result;
  }
  if (node === identity.phoneNumberId && edge === "media" && request.method === "POST") {
    const failure = account.takeFailure("media");
    if (failure) return failure;
    const form = await new Request("http://fake", { method: "POST", headers: { "content-type": request.headers["content-type"] ?? "" }, body: raw })
      .formData()
      .catch(() => null);
    const file = form?.get("file");
    if (!form || form.get("messaging_product") !== "whatsapp" || !(file instanceof Blob)) {
      return graphErrorAnswer({ code: 100, details: "multipart with messaging_product=whatsapp, type and file is required" });
    }
    const type = String(form.get("type") ?? file.type);
    const media = account.addMedia(new Uint8Array(await file.arrayBuffer()), type, file instanceof File ? file.name : undefined);
    return { httpStatus: 200, body: { id: media.id } };
  }
  if (node === identity.phoneNumberId && !edge && request.method === "GET") {
    const failure = account.takeFailure("phone");
    if (failure) return failure;
    return {
      httpStatus: 200,
      body: {
        id: identity.phoneNumberId,
        display_phone_number: identity.displayPhoneNumber.replace(/^(\d{2})(\d+)$/, "+$1 $2"),
        verified_name: context.verifiedName,
        quality_rating: account.quality,
        messaging_limit_tier: account.tier,
      },
    };
  }
  if (node === identity.wabaId && edge === "message_templates") {
    if (request.method === "GET") return account.listTemplates(url.searchParams);
    let body: unknown = null;
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      // answered as invalid below
    }
    const { answer: result, template } = account.submitTemplate(body);
    if (template) context.onTemplateSubmitted(template);
    return result;
  }
  const media = account.media.get(node);
  if (media && !edge && request.method === "GET") {
    return {
      httpStatus: 200,
      body: { messaging_product: "whatsapp", url: `${context.baseUrl()}/media-download/${media.id}`, mime_type: media.mimeType, sha256: media.sha256, file_size: media.bytes.byteLength, id: media.id },
    };
  }
  return graphErrorAnswer({
    code: 100,
    subcode: 33,
    details: `Unsupported ${request.method} request. Object with ID '${node}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  });
}
