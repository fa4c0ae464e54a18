import { MedusaError } from "@medusajs/framework/utils";
import { InvalidPhoneError, normalisePhone } from "@voltura/domain";
import { warrantyLookupQuerySchema } from "@voltura/contracts";
import { parseOrThrow, staffRoute } from "@voltura/medusa-kit";
import { billingService } from "../../../../workflows/steps/load-billing";
import { WARRANTY_READERS } from "../../billing-roles";
import { toApiWarranty } from "../../../../workflows/steps/billing-serialise";

/** Warranties of delivered jobs by the customer's phone (any format) and/or the device IMEI / serial. */
export const GET = staffRoute(WARRANTY_READERS, async (req, res) => {
  const q = parseOrThrow(warrantyLookupQuerySchema, req.query);
  const filters: Record<string, unknown> = {};
  if (q.phone) {
    try {
      filters.customer_phone = normalisePhone(q.phone);
    } catch (err) {
      if (err instanceof InvalidPhoneError) throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: phone: ${err.message}`);
      throw err;
    }
  }
  if (q.imei) filters.imei_serial = q.imei.replace(/[\s-]/g, "").toUpperCase();
  const rows = await billingService(req.scope).listRepairWarranties(filters, { relations: ["claims"], order: { starts_at: "DESC" }, take: 200 });
  const now = new Date();
  res.json({ warranties: rows.map((w) => toApiWarranty(w, now)) });
});
