import path from "node:path";
import { mailerConfigSchema, type MailerConfig } from "./message.js";

/**
 * Reads SMTP_URL, MAIL_FROM and MAIL_OUTBOX_DIR. SMTP is used only when both SMTP_URL and
 * MAIL_FROM are set; otherwise mail goes to the outbox (default `.data/outbox` under the cwd).
 */
export function mailerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailerConfig {
  const blank = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);
  return mailerConfigSchema.parse({
    smtpUrl: blank(env.SMTP_URL),
    from: blank(env.MAIL_FROM),
    outboxDir: blank(env.MAIL_OUTBOX_DIR) ?? path.resolve(process.cwd(), ".data/outbox"),
  });
}

export function smtpConfigured(config: MailerConfig): boolean {
  return Boolean(config.smtpUrl && config.from);
}
