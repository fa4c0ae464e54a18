import { randomUUID } from "node:crypto";
import { tryNormalisePhone } from "@voltura/domain";
import { testSendCampaignBodySchema } from "@voltura/contracts";
import { parseOrThrow, recordAudit, sqlConnection, staffRoute } from "@voltura/medusa-kit";
import { loadCampaignRow } from "../../../../../modules/campaigns/planner/campaign-read";
import { previewCampaign } from "../../../../../modules/campaigns/planner/preview";
import { answeringRefusals, CampaignRefusal } from "../../../../../modules/campaigns/planner/refusal";
import { CAMPAIGN_MANAGERS } from "../../roles";
import { shopNameOf } from "../../../../../modules/campaigns/planner/shop";
import { sendThroughGateway, staffPhone } from "../../../../../modules/campaigns/planner/whatsapp-bridge";

/**
 * Sends the campaign's message, rendered for a chosen person (default: the first eligible), to the staff
 * member's own WhatsApp number (their profile's metadata.phone) or the `phone` given, from the campaign's first number.
 */
export const POST = staffRoute(CAMPAIGN_MANAGERS, async (req, res) => {
  const body = parseOrThrow(testSendCampaignBodySchema, req.body ?? {});
  await answeringRefusals(res, async () => {
    const raw = body.phone ?? (await staffPhone(req.scope, req.actor.id));
    if (!raw) throw new CampaignRefusal(400, "invalid_data", "Invalid request: phone: your staff profile has no WhatsApp number; give phone");
    const to = tryNormalisePhone(raw);
    if (!to) throw new CampaignRefusal(400, "invalid_data", "Invalid request: phone: is not a valid phone number");
    const db = sqlConnection(req.scope);
    const row = await loadCampaignRow(db, req.params.id!);
    const preview = await previewCampaign(db, row, { recipient_id: body.recipient_id, customer_id: body.as_customer_id ?? body.customer_id, language: body.language }, await shopNameOf(req.scope), { audienceStats: false });
    if (!preview.text.trim() && !row.media) throw new CampaignRefusal(400, "invalid_data", "Invalid request: template_ms: the message is empty");
    const key = `campaign-test:${row.id}:${randomUUID()}`;
    const message = await sendThroughGateway(req.scope, {
      to, body: preview.text, media: row.media, session_id: row.session_ids[0] ?? null, idempotency_key: key, kind: "alert", ref: row.id,
    });
    await recordAudit(req, { action: "campaign.test_send", entity: "campaign", entity_id: row.id, metadata: { to, message_id: message.id } });
    res.json({ to, text: preview.text, message_id: message.id, idempotency_key: key, status: message.status });
  });
});
