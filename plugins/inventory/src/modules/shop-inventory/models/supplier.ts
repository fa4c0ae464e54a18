import { model } from "@medusajs/framework/utils";
import { SupplierItem } from "./supplier-item";

/** A supplier with its contact details and the items it provides. */
export const Supplier = model
  .define("supplier", {
  id: model.id({ prefix: "sup" }).primaryKey(),
  name: model.text().searchable(),
  contact_name: model.text().nullable(),
  phone: model.text().nullable(),
  email: model.text().nullable(),
  address: model.text().nullable(),
  notes: model.text().nullable(),
  items: model.hasMany(() => SupplierItem, { mappedBy: "supplier" }),
  })
  .cascades({ delete: ["items"] });
