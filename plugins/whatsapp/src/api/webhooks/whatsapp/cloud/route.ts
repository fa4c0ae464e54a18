import type { MedusaRequest } from "@medusajs/framework/http";
import { publicRoute } from "@voltura/medusa-kit";
import { cloudVerificationChallenge, receiveCloudWebhook } from "../../../../modules/whatsapp/gateway/cloud-webhook";

/**
 * Meta's WhatsApp Cloud API webhook (public: Meta signs, no staff session). The console forwards
 * `<console URL>/webhooks/whatsapp/cloud` here verbatim: the raw body bytes and `X-Hub-Signature-256`.
 *
 * GET: the subscription check. `hub.mode=subscribe` with the verify token of one of the shop's Cloud API
 * numbers → `hub.challenge` as text; anything else 403.
 */
export const GET = publicRoute(async (req, res) => {
  const challenge = await cloudVerificationChallenge(req.scope, req.query as Record<string, unknown>);
  if (challenge === null) {
    res.status(403).json({ type: "not_allowed", message: "Unknown verify token" });
    return;
  }
  res.status(200).type("text/plain").send(challenge);
});

/**
 * POST: messages, statuses and account updates. The signature (HMAC-SHA256 of the raw body with the
 * app secret of a number the delivery names) is checked before anything is stored: 401 otherwise.
 * 200 once every event is applied (each once); an error answers 500 and Meta delivers it again.
 */
export const POST = publicRoute(async (req, res) => {
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer }).rawBody;
  const signature = req.headers["x-hub-signature-256"];
  const receipt = await receiveCloudWebhook(req.scope, rawBody, typeof signature === "string" ? signature : undefined);
  if (!receipt.verified) {
    res.status(401).json({ type: "unauthorized", message: "Invalid or missing X-Hub-Signature-256" });
    return;
  }
  res.status(200).json({ received: true, inbound: receipt.inbound, statuses: receipt.statuses });
});
