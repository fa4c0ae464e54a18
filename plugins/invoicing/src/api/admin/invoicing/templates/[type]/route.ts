import { MedusaError } from "@medusajs/framework/utils";
import { documentTemplateBodySchema, documentTypeSchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { invoicingInvalid } from "../../../../../workflows/steps/context";
import { loadTemplate } from "../../../../../workflows/steps/documents";
import { respondToWorkflowError } from "../../../../respond";
import { INVOICING_MANAGERS } from "../../../../../domain/roles";
import { isImageBase64, toApiTemplate } from "../../settings";
import { saveInvoicingSettingsWorkflow } from "../../../../../workflows/save-invoicing-settings";

/** Saves the template of a document type (header, footer, terms, accent colour, logo). */
export const POST = staffRoute(INVOICING_MANAGERS, async (req, res) => {
  const type = documentTypeSchema.safeParse(req.params.type);
  if (!type.success) throw new MedusaError(MedusaError.Types.NOT_FOUND, "There is no such document type");
  const body = parseOrThrow(documentTemplateBodySchema, req.body);
  if (body.logo_base64 && !isImageBase64(body.logo_base64)) throw invoicingInvalid("logo_base64", "logo_base64 must be a PNG or JPEG image");
  const current = await loadTemplate(req.scope, type.data);
  const row = {
    id: type.data, header: body.header, footer: body.footer, terms: body.terms, accent_colour: body.accent_colour,
    logo_base64: body.logo_base64 === undefined ? current.logo_base64 : body.logo_base64, updated_by: req.actor.name,
  };
  const { errors } = await saveInvoicingSettingsWorkflow(req.scope).run({ input: { kind: "template", row }, throwOnError: false });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ template: toApiTemplate(await loadTemplate(req.scope, type.data)) });
});
