export { sendEmail } from "./send.js";
export { mailerConfigFromEnv, resolveMailerConfig, senderFromSmtpUrl, smtpConfigured } from "./config.js";
export { listOutbox, readOutboxMessage, NOT_SENT_REASON } from "./outbox.js";
export * from "./message.js";
