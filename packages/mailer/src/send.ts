import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { resolveMailerConfig, smtpConfigured } from "./config.js";
import { emailMessageSchema, mailerConfigSchema, type EmailMessage, type MailerConfig, type SendResult } from "./message.js";
import { writeToOutbox } from "./outbox.js";

const OUTBOX_FROM = "outbox@localhost";

/**
 * Sends one email: through SMTP when an SMTP URL (the vault's, else SMTP_URL) and a sender are
 * configured, otherwise written to the outbox as an .eml file so nothing is lost. Throws a ZodError
 * naming the field on bad input.
 */
export async function sendEmail(input: EmailMessage, configInput?: MailerConfig): Promise<SendResult> {
  const message = emailMessageSchema.parse(input);
  const config = mailerConfigSchema.parse(configInput ?? (await resolveMailerConfig()));
  const to = Array.isArray(message.to) ? message.to : [message.to];
  const mail = {
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    attachments: message.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
  };

  if (smtpConfigured(config)) {
    const transport = nodemailer.createTransport(config.smtpUrl!);
    try {
      const info = await transport.sendMail({ ...mail, from: config.from });
      return { messageId: String(info.messageId), transport: "smtp" };
    } finally {
      transport.close();
    }
  }

  // Sortable by time, short enough that the Message-ID header is not folded.
  const id = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  const messageId = `<${id}@voltura.outbox>`;
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  const info = await stream.sendMail({ ...mail, from: config.from ?? OUTBOX_FROM, messageId });
  await writeToOutbox(config.outboxDir, {
    id, to, subject: message.subject, created_at: new Date().toISOString(),
    attachments: message.attachments.map((a) => a.filename),
  }, info.message as Buffer);
  return { messageId, transport: "outbox" };
}
