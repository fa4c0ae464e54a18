import { listOutbox, resolveMailerConfig, smtpConfigured } from "@voltura/mailer";
import { staffRoute } from "@voltura/medusa-kit";
import { INVOICING_READERS } from "../../../../domain/roles";

/** Emails written to the outbox because SMTP is not configured: "not sent — SMTP not configured". */
export const GET = staffRoute(INVOICING_READERS, async (_req, res) => {
  const config = await resolveMailerConfig();
  res.json({ smtp_configured: smtpConfigured(config), messages: await listOutbox(config.outboxDir) });
});
