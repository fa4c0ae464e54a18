import { MedusaError } from "@medusajs/framework/utils";
import { publicRoute } from "@voltura/medusa-kit";
import { renderDocumentPdf } from "../../../../workflows/steps/documents";
import { sendPdf } from "../../../respond";
import { openShareLink } from "../../../share-links";

// /public is not under Medusa's authenticated prefixes; said out loud all the same.
export const AUTHENTICATE = false;

/**
 * The PDF behind a document link (WhatsApp media): only the one document the link names, only
 * while its link is live. A revoked or expired link is 410; anything else (forged, altered, signed
 * with another key) a plain 404.
 */
export const GET = publicRoute(async (req, res) => {
  res.setHeader("X-Robots-Tag", "noindex");
  const link = await openShareLink(req.scope, String(req.params.token ?? ""));
  if (link.status === "unknown") throw new MedusaError(MedusaError.Types.NOT_FOUND, "This document link is not valid");
  if (link.status === "gone") {
    res.status(410).json({ type: "gone", code: `link_${link.why}`, message: `This document link has ${link.why === "revoked" ? "been revoked" : "expired"}` });
    return;
  }
  const { pdf, number } = await renderDocumentPdf(req.scope, link.kind, link.id);
  sendPdf(res, pdf, `${number}.pdf`);
});
