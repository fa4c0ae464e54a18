import { z } from "zod";
import { DEFAULT_PICKUP_REMINDERS } from "./repair-flows.js";

/**
 * Message templates: every WhatsApp text the shop sends a customer, per kind and language. The
 * defaults live here; a shop's overrides are stored by the platform plugin (`message_template`)
 * and read by the sender at send time.
 */
export const MESSAGE_TEMPLATE_LANGUAGES = ["en", "ms"] as const;
export type MessageTemplateLanguage = (typeof MESSAGE_TEMPLATE_LANGUAGES)[number];

export const MESSAGE_TEMPLATE_KINDS = [
  "repair_quote",
  "repair_quote_reminder",
  "repair_quote_approved",
  "repair_quote_declined",
  "pickup_reminder",
  "quotation_reminder",
  "pos_receipt",
  "optout_confirmation",
] as const;
export type MessageTemplateKind = (typeof MESSAGE_TEMPLATE_KINDS)[number];
export const messageTemplateKindSchema = z.enum(MESSAGE_TEMPLATE_KINDS);

/** `both`: one message with the Malay text, a blank line, then the English one. `one`: the customer's language only. */
export type MessageTemplateDelivery = "both" | "one";

export interface MessageTemplateDefinition {
  placeholders: readonly string[];
  delivery: MessageTemplateDelivery;
  defaults: Record<MessageTemplateLanguage, string>;
  /** Values the console's preview fills in. */
  sample: Record<string, string>;
}

const JOB_SAMPLE = { nama: "Aisyah", model: "iPhone 13", job_number: "VSH-2026-000123", shop_name: "Voltura Demo Repair" };

export const MESSAGE_TEMPLATES: Record<MessageTemplateKind, MessageTemplateDefinition> = {
  repair_quote: {
    placeholders: ["nama", "model", "job_number", "shop_name", "lines", "total", "version"],
    delivery: "both",
    defaults: {
      ms: "Salam {nama}, ini sebut harga untuk {model} anda (kerja {job_number}) dari {shop_name}:\n{lines}\nJumlah: {total}\nBalas SETUJU atau TAK SETUJU.",
      en: "Hi {nama}, here is the quote for your {model} (job {job_number}). Total: {total}.\nReply SETUJU to approve or TAK SETUJU to decline.",
    },
    sample: { ...JOB_SAMPLE, lines: "• Screen replacement: RM 350.00\n• Labour: RM 50.00", total: "RM 400.00", version: "1" },
  },
  repair_quote_reminder: {
    placeholders: ["nama", "model", "job_number", "shop_name", "total"],
    delivery: "both",
    defaults: {
      ms: "Salam {nama}, peringatan: sebut harga {total} untuk {model} (kerja {job_number}) masih menunggu jawapan anda. Balas SETUJU atau TAK SETUJU.",
      en: "Hi {nama}, a reminder: the {total} quote for your {model} (job {job_number}) is waiting for your answer. Reply SETUJU or TAK SETUJU.",
    },
    sample: { ...JOB_SAMPLE, total: "RM 400.00" },
  },
  repair_quote_approved: {
    placeholders: ["nama", "model", "job_number", "shop_name"],
    delivery: "both",
    defaults: {
      ms: "Terima kasih {nama}! Sebut harga untuk {model} (kerja {job_number}) diluluskan. Kami akan mula membaiki dan maklumkan bila siap.",
      en: "Thank you {nama}! The quote for your {model} (job {job_number}) is approved. We will start the repair and let you know when it is ready.",
    },
    sample: JOB_SAMPLE,
  },
  repair_quote_declined: {
    placeholders: ["nama", "model", "job_number", "shop_name"],
    delivery: "both",
    defaults: {
      ms: "Baik {nama}, sebut harga untuk {model} (kerja {job_number}) ditolak. Peranti anda boleh diambil tanpa dibaiki di {shop_name}.",
      en: "Noted {nama}, the quote for your {model} (job {job_number}) is declined. You can collect your device unrepaired at {shop_name}.",
    },
    sample: JOB_SAMPLE,
  },
  pickup_reminder: {
    placeholders: ["nama", "model", "job_number", "shop_name"],
    delivery: "both",
    defaults: { ms: DEFAULT_PICKUP_REMINDERS.text_bm, en: DEFAULT_PICKUP_REMINDERS.text_en },
    sample: JOB_SAMPLE,
  },
  quotation_reminder: {
    placeholders: ["nama", "quotation_number", "valid_until"],
    delivery: "both",
    defaults: {
      ms: "Salam {nama}, peringatan mesra tentang sebut harga {quotation_number} yang sah sehingga {valid_until}. Balas untuk menerima atau tanya kami apa-apa.",
      en: "Hello {nama}, a friendly reminder about quotation {quotation_number}, valid until {valid_until}. Reply to accept or ask us anything.",
    },
    sample: { nama: "Tan Holdings Sdn Bhd", quotation_number: "QUO-2026-000042", valid_until: "31/12/2026" },
  },
  pos_receipt: {
    placeholders: ["receipt_number", "total", "shop_name"],
    delivery: "both",
    defaults: {
      ms: "Resit {receipt_number}: {total}. Terima kasih!",
      en: "Receipt {receipt_number}: {total}. Thank you!",
    },
    sample: { receipt_number: "RCP-2026-000321", total: "RM 89.90", shop_name: JOB_SAMPLE.shop_name },
  },
  optout_confirmation: {
    placeholders: ["shop_name"],
    delivery: "one",
    defaults: {
      ms: "Anda tidak akan menerima mesej promosi daripada {shop_name} lagi. Untuk melanggan semula, balas MULA.",
      en: "You will no longer receive promotional messages from {shop_name}. To subscribe again, reply START.",
    },
    sample: { shop_name: JOB_SAMPLE.shop_name },
  },
};

/** A shop's stored texts: kind → language → text (only what differs from the default). */
export type MessageTemplateOverrides = Partial<Record<MessageTemplateKind, Partial<Record<MessageTemplateLanguage, string>>>>;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** The `{placeholder}` names a text uses that its kind does not know (empty when all are known). */
export function unknownPlaceholders(kind: MessageTemplateKind, text: string): string[] {
  const known = MESSAGE_TEMPLATES[kind].placeholders;
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))].filter((name) => !known.includes(name));
}

/** Fills the kind's placeholders; a missing value becomes empty text. */
export function fillMessageTemplate(kind: MessageTemplateKind, text: string, values: Record<string, string>): string {
  const known = MESSAGE_TEMPLATES[kind].placeholders;
  return text.replace(PLACEHOLDER, (whole, name: string) => (known.includes(name) ? (values[name] ?? "") : whole));
}

/** The text in force for one kind and language: the shop's override, else the default. */
export function messageTemplateText(kind: MessageTemplateKind, language: MessageTemplateLanguage, overrides: MessageTemplateOverrides): string {
  return overrides[kind]?.[language] ?? MESSAGE_TEMPLATES[kind].defaults[language];
}

/**
 * The message as sent: for `both` kinds the Malay text, a blank line, the English one; for `one`
 * kinds the given language (Malay when none is known).
 */
export function renderMessage(
  kind: MessageTemplateKind,
  values: Record<string, string>,
  overrides: MessageTemplateOverrides = {},
  language: MessageTemplateLanguage = "ms",
): string {
  const fill = (lang: MessageTemplateLanguage) => fillMessageTemplate(kind, messageTemplateText(kind, lang, overrides), values).trim();
  return MESSAGE_TEMPLATES[kind].delivery === "both" ? `${fill("ms")}\n\n${fill("en")}` : fill(language);
}

/** The body of `PUT /admin/settings/message-templates/:kind`: a text per language, `null` = back to the default. */
export const messageTemplateUpdateSchema = z
  .object({
    en: z.string().trim().min(1).max(1000).nullable().optional(),
    ms: z.string().trim().min(1).max(1000).nullable().optional(),
  })
  .strict()
  .refine((body) => body.en !== undefined || body.ms !== undefined, { message: "give en or ms (null resets to the default)" });
export type MessageTemplateUpdate = z.infer<typeof messageTemplateUpdateSchema>;

/** A field-naming problem with an update (`ms: unknown placeholder {nam}`), or null when it is fine. */
export function messageTemplateUpdateProblem(kind: MessageTemplateKind, update: MessageTemplateUpdate): string | null {
  for (const language of MESSAGE_TEMPLATE_LANGUAGES) {
    const text = update[language];
    if (typeof text !== "string") continue;
    const unknown = unknownPlaceholders(kind, text);
    if (unknown.length) {
      const allowed = MESSAGE_TEMPLATES[kind].placeholders.map((p) => `{${p}}`).join(" ");
      return `${language}: unknown placeholder ${unknown.map((p) => `{${p}}`).join(" ")} (allowed: ${allowed})`;
    }
  }
  return null;
}

/** Stored rows → overrides, ignoring kinds or languages this version does not know. */
export function overridesFromRows(rows: ReadonlyArray<{ kind: unknown; language: unknown; body: unknown }>): MessageTemplateOverrides {
  const overrides: MessageTemplateOverrides = {};
  for (const row of rows) {
    const kind = messageTemplateKindSchema.safeParse(row.kind);
    const language = z.enum(MESSAGE_TEMPLATE_LANGUAGES).safeParse(row.language);
    if (!kind.success || !language.success || typeof row.body !== "string") continue;
    (overrides[kind.data] ??= {})[language.data] = row.body;
  }
  return overrides;
}
