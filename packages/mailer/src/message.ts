import { z } from "zod";

const address = z.string().trim().email().max(254);

export const attachmentSchema = z.object({
  filename: z.string().trim().min(1).max(200),
  content: z.custom<Buffer>((value) => Buffer.isBuffer(value), "content must be a Buffer"),
  contentType: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+$/, "expected a MIME type such as application/pdf"),
});

export const emailMessageSchema = z.object({
  to: z.union([address, z.array(address).min(1).max(50)]),
  subject: z.string().trim().min(1).max(300),
  text: z.string().min(1).max(200_000),
  html: z.string().max(500_000).optional(),
  attachments: z.array(attachmentSchema).max(20).default([]),
});
export type EmailMessage = z.input<typeof emailMessageSchema>;

export const mailerConfigSchema = z.object({
  /** smtp:// or smtps:// URL with credentials, e.g. smtps://user:pass@mail.example.com:465. */
  smtpUrl: z.string().regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://").optional(),
  from: address.optional(),
  /** Where unsent messages are kept as .eml files when SMTP is not configured. */
  outboxDir: z.string().min(1),
});
export type MailerConfig = z.infer<typeof mailerConfigSchema>;

export interface SendResult {
  messageId: string;
  transport: "smtp" | "outbox";
}

export interface OutboxEntry {
  id: string;
  to: string[];
  subject: string;
  created_at: string;
  attachments: string[];
  /** Always "not sent": the outbox only holds mail written while SMTP was not configured. */
  status: "not_sent";
  reason: string;
}
