import { z } from "zod";
import { documentShopSchema } from "./schemas.js";

const sen = z.number().int().nonnegative();

/** What the purchase order PDF needs: the shop, the supplier and the lines (unit cost in sen). */
export const purchaseOrderDocumentSchema = z.object({
  shop: documentShopSchema,
  logo: z.instanceof(Uint8Array).nullable().default(null),
  po_number: z.string().min(1),
  issued_at: z.iso.datetime({ offset: true }),
  expected_at: z.iso.datetime({ offset: true }).nullable().default(null),
  deliver_to: z.string().min(1),
  supplier: z.object({
    name: z.string().min(1),
    contact_name: z.string().nullable().default(null),
    phone: z.string().nullable().default(null),
    email: z.string().nullable().default(null),
    address: z.string().nullable().default(null),
  }),
  lines: z.array(z.object({ description: z.string().min(1), sku: z.string().nullable().default(null), supplier_sku: z.string().nullable().default(null), quantity: z.number().int().positive(), unit_cost_sen: sen })).min(1),
  note: z.string().nullable().default(null),
});
export type PurchaseOrderDocumentData = z.input<typeof purchaseOrderDocumentSchema>;
