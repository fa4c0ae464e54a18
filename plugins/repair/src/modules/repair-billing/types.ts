import type { InferTypeOf } from "@medusajs/framework/types";
import type { RepairInvoice } from "./models/repair-invoice";
import type { RepairLine } from "./models/repair-line";
import type { RepairPayment } from "./models/repair-payment";
import type { RepairQuote } from "./models/repair-quote";
import type { RepairWarranty } from "./models/repair-warranty";
import type { RepairWarrantyClaim } from "./models/repair-warranty-claim";

/** Rows of the repairBilling module, as its models define them (and as `SELECT *` returns them). */
export type RepairLineRecord = InferTypeOf<typeof RepairLine>;

/** What a new line is given; the rest is set by the database or later (reservation, consumption). */
export type NewRepairLine = Omit<
  RepairLineRecord,
  "id" | "created_at" | "updated_at" | "deleted_at" | "consumed_at" | "reservation_id" | "raw_hours" | "raw_rate_sen"
>;

export type RepairQuoteRecord = InferTypeOf<typeof RepairQuote>;
export type RepairInvoiceRecord = InferTypeOf<typeof RepairInvoice>;
export type RepairPaymentRecord = InferTypeOf<typeof RepairPayment>;

/** A claim without its warranty relation; `warranty_id` is the relation's column when it was selected. */
export type RepairWarrantyClaimRecord = Omit<InferTypeOf<typeof RepairWarrantyClaim>, "warranty"> & { warranty_id?: string };

/** A warranty with its claims when they were selected. */
export type RepairWarrantyRecord = Omit<InferTypeOf<typeof RepairWarranty>, "claims"> & { claims?: RepairWarrantyClaimRecord[] };
