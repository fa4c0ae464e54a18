import { DOCUMENT_TYPES } from "@voltura/contracts";
import { staffRoute } from "@voltura/medusa-kit";
import { loadTemplate } from "../../../../workflows/steps/documents";
import { INVOICING_READERS } from "../../../../domain/roles";
import { toApiTemplate } from "../settings";

/** Both templates (quotation, invoice), defaults where none was saved. */
export const GET = staffRoute(INVOICING_READERS, async (req, res) => {
  res.json({ templates: await Promise.all(DOCUMENT_TYPES.map(async (type) => toApiTemplate(await loadTemplate(req.scope, type)))) });
});
