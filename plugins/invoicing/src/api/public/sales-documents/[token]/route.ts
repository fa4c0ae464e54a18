import { MedusaError } from "@medusajs/framework/utils";
import { publicRoute } from "@voltura/medusa-kit";
import { renderDocumentPdf } from "../../../../invoicing/documents";
import { sendPdf } from "../../../../invoicing/respond";
import { shareSecret, verifyShareToken } from "../../../../invoicing/share-link";

// /public is not under Medusa's authenticated prefixes; said out loud all the same.
export const AUTHENTICATE = false;

/**
 * The PDF behind a signed share link (WhatsApp media): only the one document the link names, only
 * until it expires. Anything else is a plain 404.
 */
export const GET = publicRoute(async (req, res) => {
  res.setHeader("X-Robots-Tag", "noindex");
  const target = verifyShareToken(String(req.params.token ?? ""), shareSecret());
  if (!target) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This document link is not valid or has expired");
  const { pdf, number } = await renderDocumentPdf(req.scope, target.kind, target.id);
  sendPdf(res, pdf, `${number}.pdf`);
});
