import { MedusaError } from "@medusajs/framework/utils";
import { optOutBodySchema } from "@voltura/contracts";
import { parseOrThrow, publicRoute } from "@voltura/medusa-kit";
import { maskPhone, optOutKey, readOptOutToken } from "../../../../../domain/opt-out-token";
import { isOptedOut, optOutByLink } from "../../../../../modules/campaigns/planner/opt-out";
import { shopNameOf } from "../../../../../modules/campaigns/planner/shop";

// /public is not under Medusa's authenticated prefixes; said out loud all the same.
export const AUTHENTICATE = false;

/** The signed link's phone and language, or 404 for a forged or altered link. */
function readToken(raw: unknown) {
  const read = readOptOutToken(String(raw ?? ""), optOutKey());
  if (!read) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This opt-out link is not valid");
  return read;
}

/** What the opt-out page shows: the masked number, whether it is already opted out, the message's language. */
export const GET = publicRoute(async (req, res) => {
  res.setHeader("Cache-Control", "no-store");
  res.setHeader("X-Robots-Tag", "noindex");
  const { phone, language } = readToken(req.params.token);
  res.json({ phone_masked: maskPhone(phone), opted_out: await isOptedOut(req.scope, phone), language });
});

/** The customer confirms: no more campaign messages to this number; a confirmation in BM or EN. Repeatable. */
export const POST = publicRoute(async (req, res) => {
  res.setHeader("Cache-Control", "no-store");
  const body = parseOrThrow(optOutBodySchema, req.body ?? {});
  const { phone, language } = readToken(req.params.token);
  const lang = body.language ?? language;
  await optOutByLink(req.scope, phone, lang, await shopNameOf(req.scope));
  res.json({ phone_masked: maskPhone(phone), opted_out: true, language: lang });
});
