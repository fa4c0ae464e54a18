import { listOutbox, resolveMailerConfig, smtpConfigured } from "@voltura/mailer";
import { staffRoute } from "@voltura/medusa-kit";
import { SALES_READERS } from "../../../../invoicing/roles";

/** Emails written to the outbox because SMTP is not configured: "not sent — SMTP not configured". */
export const GET = staffRoute(SALES_READERS, async (_req, res) => {
  const config = await resolveMailerConfig();
  res.json({ smtp_configured: smtpConfigured(config), messages: await listOutbox(config.outboxDir) });
});
