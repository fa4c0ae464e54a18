export { sendEmail } from "./send.js";
export { mailerConfigFromEnv, smtpConfigured } from "./config.js";
export { listOutbox, readOutboxMessage, NOT_SENT_REASON } from "./outbox.js";
export * from "./message.js";
