import { MedusaError } from "@medusajs/framework/utils";
import { renderIntakeSlip, renderInvoice, renderQuote } from "@voltura/documents";
import { loadShopSettings, staffRoute } from "@voltura/medusa-kit";
import { loadRepairBilling } from "../../../../../../workflows/steps/load-billing";
import { BILLING_READERS } from "../../../../billing-roles";
import { intakeSlipData, invoiceDocumentData, quoteDocumentData } from "./document-data";
import { loadRepairJob } from "../../../query";

const KINDS = ["slip", "quote", "invoice"] as const;
type Kind = (typeof KINDS)[number];

/**
 * GET /admin/repair-jobs/:id/documents/slip?layout=a5|thermal80, …/quote, …/invoice → application/pdf.
 * The console, the WhatsApp gateway and add-ons all print from here.
 */
export const GET = staffRoute(BILLING_READERS, async (req, res) => {
  const kind = req.params.kind as Kind;
  if (!KINDS.includes(kind)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: kind must be one of ${KINDS.join(", ")}`);
  const layout = req.query.layout ?? "a5";
  if (layout !== "a5" && layout !== "thermal80") throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: layout must be a5 or thermal80");

  const job = await loadRepairJob(req.scope, req.params.id!);
  const settings = await loadShopSettings(req.scope);
  let pdf: Buffer;
  if (kind === "slip") {
    pdf = await renderIntakeSlip(intakeSlipData(job, settings), { layout });
  } else {
    const billing = await loadRepairBilling(req.scope, job.id);
    if (kind === "quote") {
      const data = quoteDocumentData(job, billing, settings);
      if (!data) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This job has no lines to quote yet");
      pdf = await renderQuote(data);
    } else {
      const data = invoiceDocumentData(job, billing, settings);
      if (!data) throw new MedusaError(MedusaError.Types.NOT_FOUND, "This job has no invoice yet");
      pdf = await renderInvoice(data);
    }
  }
  const suffix = kind === "slip" ? `slip-${layout}` : kind;
  res.setHeader("content-type", "application/pdf");
  res.setHeader("content-disposition", `inline; filename="${job.job_number}-${suffix}.pdf"`);
  res.setHeader("cache-control", "private, no-store");
  res.status(200).send(pdf);
});
