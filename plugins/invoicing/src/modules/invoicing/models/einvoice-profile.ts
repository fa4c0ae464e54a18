import { model } from "@medusajs/framework/utils";

/**
 * What MyInvois needs from the shop beyond the shop settings (name, BRN, SST no., phone, email and
 * address come from there): TIN, MSIC industry code and the structured address. One row, "default".
 */
export const EInvoiceProfile = model.define("einvoice_profile", {
  id: model.text().primaryKey(),
  tin: model.text(),
  msic_code: model.text(),
  msic_name: model.text(),
  city: model.text(),
  postcode: model.text(),
  state_code: model.text(),
  updated_by: model.text().nullable(),
});
