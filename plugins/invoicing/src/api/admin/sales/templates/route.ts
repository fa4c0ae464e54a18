import { DOCUMENT_TYPES } from "@voltura/medusa-client";
import { staffRoute } from "@voltura/medusa-kit";
import { loadTemplate } from "../../../../invoicing/documents";
import { SALES_READERS } from "../../../../invoicing/roles";
import { toApiTemplate } from "../../../../invoicing/settings";

/** Both templates (quotation, invoice), defaults where none was saved. */
export const GET = staffRoute(SALES_READERS, async (req, res) => {
  res.json({ templates: await Promise.all(DOCUMENT_TYPES.map(async (type) => toApiTemplate(await loadTemplate(req.scope, type)))) });
});
