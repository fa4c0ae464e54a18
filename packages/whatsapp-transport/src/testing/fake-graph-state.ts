import { createHash } from "node:crypto";
import { templateParamCount } from "../simulator/templates.js";
import type { MessagingLimitTier, QualityRating } from "../types.js";
import { graphErrorAnswer, newWamid, type GraphErrorSpec } from "./fake-graph-payloads.js";

export type FakeTemplateStatus = "APPROVED" | "PENDING" | "REJECTED" | "PAUSED" | "DISABLED";

export interface FakeGraphTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  status: FakeTemplateStatus;
  /** The body with {{n}} placeholders; when undefined the parameter count is not checked. */
  bodyText?: string;
  rejectedReason?: string;
}

/** One message the fake accepted on POST /{pnid}/messages. */
export interface FakeGraphSentMessage {
  wamid: string;
  /** E.164. */
  to: string;
  type: string;
  text?: string;
  media?: { kind: string; id?: string; link?: string; caption?: string; filename?: string };
  template?: { name: string; language: string; bodyParams: string[]; headerParams: string[]; headerMedia?: unknown };
  correlationId?: string;
  /** Accepted, then failed with this WhatsApp error (windowRefusal "failedStatus"): never reached the customer. */
  failedWith?: number;
  /** The JSON body as received. */
  body: Record<string, unknown>;
  at: string;
}

/** A `status: "read"` call: a message marked read, with or without the typing indicator. */
export interface FakeGraphReadMark {
  messageId: string;
  /** E.164 of the customer who sent that message, when the fake delivered it. */
  from?: string;
  typing: boolean;
  at: string;
}

export interface FakeGraphMedia {
  id: string;
  bytes: Uint8Array;
  mimeType: string;
  fileName?: string;
  sha256: string;
}

export type FailureEndpoint = "messages" | "media" | "phone" | "templates";

export interface Answer {
  httpStatus: number;
  body: unknown;
}

const WINDOW_MS = 24 * 60 * 60_000;
const ok = (body: unknown): Answer => ({ httpStatus: 200, body });
const invalid = (details: string): Answer => {
  const { httpStatus, body } = graphErrorAnswer({ code: 100, details });
  return { httpStatus, body };
};
const e164 = (waId: string) => `+${waId.replace(/^\+/, "")}`;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** The account behind the fake server: everything it knows, and the rules it answers by. */
export class FakeGraphAccount {
  readonly sent: FakeGraphSentMessage[] = [];
  readonly reads: FakeGraphReadMark[] = [];
  readonly templates = new Map<string, FakeGraphTemplate>();
  readonly media = new Map<string, FakeGraphMedia>();
  /** Customer (E.164) → when they last wrote (ms). */
  readonly windows = new Map<string, number>();
  /** Inbound wamid → sender (E.164), for read marks. */
  readonly inboundSenders = new Map<string, string>();
  private readonly failures: { endpoint: FailureEndpoint; spec: GraphErrorSpec }[] = [];
  tier: MessagingLimitTier = "TIER_250";
  quality: QualityRating = "GREEN";
  private nextId = 1;

  constructor(
    private readonly now: () => Date,
    readonly autoApproveSubmissions: boolean,
    /** "answer": free text outside the window is refused with 131047 at once; "failedStatus": accepted, then a failed status. */
    readonly windowRefusal: "answer" | "failedStatus" = "answer",
  ) {}

  newId(): string {
    return String(900_000_000_000 + this.nextId++);
  }

  failNext(endpoint: FailureEndpoint, spec: GraphErrorSpec): void {
    this.failures.push({ endpoint, spec });
  }

  /** The scripted failure for this endpoint, if one is queued (taken off the queue). */
  takeFailure(endpoint: FailureEndpoint): Answer | null {
    const index = this.failures.findIndex((failure) => failure.endpoint === endpoint);
    if (index < 0) return null;
    const [failure] = this.failures.splice(index, 1);
    return graphErrorAnswer(failure!.spec);
  }

  isWindowOpen(phone: string): boolean {
    const last = this.windows.get(e164(phone));
    return last !== undefined && this.now().getTime() - last < WINDOW_MS;
  }

  template(name: string, language: string): FakeGraphTemplate | undefined {
    return this.templates.get(`${name}|${language}`);
  }

  putTemplate(template: Omit<FakeGraphTemplate, "id"> & { id?: string }): FakeGraphTemplate {
    const existing = this.template(template.name, template.language);
    const stored: FakeGraphTemplate = { ...existing, ...template, id: template.id ?? existing?.id ?? this.newId() };
    this.templates.set(`${stored.name}|${stored.language}`, stored);
    return stored;
  }

  addMedia(bytes: Uint8Array, mimeType: string, fileName?: string): FakeGraphMedia {
    const media: FakeGraphMedia = {
      id: this.newId(),
      bytes,
      mimeType,
      sha256: createHash("sha256").update(bytes).digest("base64"),
      ...(fileName ? { fileName } : {}),
    };
    this.media.set(media.id, media);
    return media;
  }

  /** POST /{pnid}/messages: a message, or a read mark (with the typing indicator). */
  postMessage(body: unknown): Answer {
    if (!isObject(body) || body.messaging_product !== "whatsapp") return invalid('messaging_product must be "whatsapp"');
    if (body.status === "read") return this.markRead(body);
    const failure = this.takeFailure("messages");
    if (failure) return failure;
    if (typeof body.to !== "string" || !/^\+?\d{7,15}$/.test(body.to)) return invalid("to must be a phone number");
    const type = String(body.type ?? "text");
    const record: FakeGraphSentMessage = { wamid: newWamid(), to: e164(body.to), type, body, at: this.now().toISOString() };
    if (typeof body.biz_opaque_callback_data === "string") record.correlationId = body.biz_opaque_callback_data;
    if (type === "template") {
      const refusal = this.checkTemplate(body.template, record);
      if (refusal) return refusal;
    } else {
      if (!this.isWindowOpen(record.to) && this.windowRefusal === "failedStatus") record.failedWith = 131047;
      else if (!this.isWindowOpen(record.to)) {
        return graphErrorAnswer({
          code: 131047,
          details: "Message failed to send because more than 24 hours have passed since the customer last replied to this number.",
        });
      }
      const refusal = type === "text" ? this.checkText(body, record) : this.checkMedia(type, body, record);
      if (refusal) return refusal;
    }
    this.sent.push(record);
    return ok({ messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to.replace(/^\+/, "") }], messages: [{ id: record.wamid, message_status: "accepted" }] });
  }

  private markRead(body: Json): Answer {
    if (typeof body.message_id !== "string" || body.message_id === "") return invalid("message_id is required");
    const from = this.inboundSenders.get(body.message_id);
    if (!from) return invalid(`unknown message_id ${body.message_id}`);
    this.reads.push({ messageId: body.message_id, from, typing: isObject(body.typing_indicator), at: this.now().toISOString() });
    return ok({ success: true });
  }

  private checkText(body: Json, record: FakeGraphSentMessage): Answer | null {
    const text = isObject(body.text) ? body.text.body : undefined;
    if (typeof text !== "string" || text === "") return invalid("text.body is required");
    record.text = text;
    return null;
  }

  private checkMedia(type: string, body: Json, record: FakeGraphSentMessage): Answer | null {
    if (!["image", "video", "audio", "document", "sticker"].includes(type)) return invalid(`type ${type} is not supported by this fake`);
    const object = body[type];
    if (!isObject(object)) return invalid(`${type} is required`);
    const { id, link, caption, filename } = object;
    if (typeof id === "string") {
      if (!this.media.has(id)) return invalid(`unknown media id ${id}`);
    } else if (typeof link !== "string" || !/^https?:\/\//.test(link)) return invalid(`${type} needs an id or a link`);
    record.media = {
      kind: type,
      ...(typeof id === "string" ? { id } : { link: link as string }),
      ...(typeof caption === "string" ? { caption } : {}),
      ...(typeof filename === "string" ? { filename } : {}),
    };
    return null;
  }

  private checkTemplate(template: unknown, record: FakeGraphSentMessage): Answer | null {
    if (!isObject(template) || typeof template.name !== "string" || !isObject(template.language)) return invalid("template.name and template.language are required");
    const language = String(template.language.code ?? "");
    const known = this.template(template.name, language);
    if (!known || known.status !== "APPROVED") {
      return graphErrorAnswer({ code: 132001, details: `template name (${template.name}) does not exist in ${language}` });
    }
    const components = Array.isArray(template.components) ? template.components.filter(isObject) : [];
    const textsOf = (type: string) =>
      components
        .filter((component) => String(component.type).toLowerCase() === type)
        .flatMap((component) => (Array.isArray(component.parameters) ? component.parameters.filter(isObject) : []));
    const bodyParams = textsOf("body").map((parameter) => String(parameter.text ?? ""));
    const header = textsOf("header");
    const expected = known.bodyText === undefined ? bodyParams.length : templateParamCount(known.bodyText);
    if (expected !== bodyParams.length) {
      return graphErrorAnswer({ code: 132000, details: `body: number of localizable_params (${bodyParams.length}) does not match the expected number of params (${expected})` });
    }
    const headerMedia = header.find((parameter) => parameter.type !== "text");
    record.template = {
      name: known.name,
      language,
      bodyParams,
      headerParams: header.filter((parameter) => parameter.type === "text").map((parameter) => String(parameter.text ?? "")),
      ...(headerMedia ? { headerMedia } : {}),
    };
    record.text = known.bodyText?.replace(/\{\{\s*(\d+)\s*\}\}/g, (_match, index: string) => bodyParams[Number(index) - 1] ?? "");
    return null;
  }

  /** GET /{waba}/message_templates, paged by `limit` and the `after` cursor. */
  listTemplates(query: URLSearchParams): Answer {
    const failure = this.takeFailure("templates");
    if (failure) return failure;
    const all = [...this.templates.values()];
    const limit = Math.max(1, Number(query.get("limit") ?? 25));
    const start = Number(query.get("after") ?? 0);
    const page = all.slice(start, start + limit);
    const data = page.map((template) => ({
      id: template.id,
      name: template.name,
      language: template.language,
      category: template.category,
      status: template.status,
      ...(template.rejectedReason ? { rejected_reason: template.rejectedReason } : {}),
      components: template.bodyText === undefined ? [] : [{ type: "BODY", text: template.bodyText }],
    }));
    const more = start + limit < all.length;
    return ok({ data, paging: { cursors: { before: String(start), after: String(start + page.length) }, ...(more ? { next: "next-page" } : {}) } });
  }

  /** POST /{waba}/message_templates: a new template, PENDING (or APPROVED with autoApproveSubmissions). */
  submitTemplate(body: unknown): { answer: Answer; template?: FakeGraphTemplate } {
    const failure = this.takeFailure("templates");
    if (failure) return { answer: failure };
    if (!isObject(body) || typeof body.name !== "string" || !/^[a-z0-9_]{1,512}$/.test(body.name)) return { answer: invalid("name must be lowercase letters, digits and _") };
    if (typeof body.language !== "string" || !["MARKETING", "UTILITY", "AUTHENTICATION"].includes(String(body.category))) {
      return { answer: invalid("language and a category (MARKETING, UTILITY, AUTHENTICATION) are required") };
    }
    if (this.template(body.name, body.language)) {
      return { answer: graphErrorAnswer({ code: 100, subcode: 2388024, details: "Content in this language already exists" }) };
    }
    const components = Array.isArray(body.components) ? body.components.filter(isObject) : [];
    const bodyText = components.find((component) => String(component.type).toUpperCase() === "BODY")?.text;
    if (typeof bodyText !== "string") return { answer: invalid("a BODY component with text is required") };
    const template = this.putTemplate({
      name: body.name,
      language: body.language,
      category: String(body.category),
      status: this.autoApproveSubmissions ? "APPROVED" : "PENDING",
      bodyText,
    });
    return { answer: ok({ id: template.id, status: template.status, category: template.category }), template };
  }
}
