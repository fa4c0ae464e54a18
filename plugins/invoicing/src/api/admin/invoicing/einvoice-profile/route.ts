import { einvoiceProfileBodySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { loadProfileRow, PROFILE_ID } from "../einvoice";
import { respondToWorkflowError } from "../../../respond";
import { INVOICING_MANAGERS } from "../../../../domain/roles";
import { toApiProfile } from "../settings";
import { saveInvoicingSettingsWorkflow } from "../../../../workflows/save-invoicing-settings";

export const GET = staffRoute(INVOICING_MANAGERS, async (req, res) => {
  res.json({ profile: toApiProfile(await loadProfileRow(req.scope)) });
});

/** The shop's TIN, MSIC code and structured address for MyInvois. */
export const POST = staffRoute(INVOICING_MANAGERS, async (req, res) => {
  const body = parseOrThrow(einvoiceProfileBodySchema, req.body);
  const { errors } = await saveInvoicingSettingsWorkflow(req.scope).run({
    input: { kind: "profile", row: { id: PROFILE_ID, ...body, updated_by: req.actor.name } }, throwOnError: false,
  });
  if (errors.length) return respondToWorkflowError(res, errors);
  res.json({ profile: toApiProfile(await loadProfileRow(req.scope)) });
});
