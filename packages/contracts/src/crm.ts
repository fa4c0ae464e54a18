import { z } from "zod";
import {
  customerTypeSchema,
  deviceTypeSchema,
  imeiSerialSchema,
  prioritySchema,
  repairStatusSchema,
  tagSchema,
  tagsSchema,
} from "@voltura/domain";
import { offsetListPageShape } from "./list-page.js";

const nameSchema = z.string().trim().min(1, "Name is required").max(120, "Name has at most 120 characters");
const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email").max(200);
const optionalText = (max: number) =>
  z.string().trim().max(max).transform((v) => v || null).nullable().optional();

// ---- request bodies and queries ------------------------------------------------------------

/** The body of POST /admin/crm/customers. phone is any Malaysian format; it is stored as E.164. */
export const createCrmCustomerBodySchema = z.object({
  name: nameSchema,
  phone: z.string().trim().min(1, "Phone number is required").max(32),
  email: emailSchema.optional(),
  customer_type: customerTypeSchema.default("walk_in"),
  tags: tagsSchema.default([]),
});
export type CreateCrmCustomerBody = z.input<typeof createCrmCustomerBodySchema>;

/** The body of POST /admin/crm/customers/:id. email: null clears it. */
export const updateCrmCustomerBodySchema = z
  .object({
    name: nameSchema.optional(),
    email: emailSchema.nullable().optional(),
    customer_type: customerTypeSchema.optional(),
    tags: tagsSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Nothing to change: send name, email, customer_type or tags");
export type UpdateCrmCustomerBody = z.input<typeof updateCrmCustomerBodySchema>;

export const addCustomerNoteBodySchema = z.object({
  body: z.string().trim().min(1, "The note is empty").max(4000, "A note has at most 4000 characters"),
});
export type AddCustomerNoteBody = z.input<typeof addCustomerNoteBodySchema>;

export const addCustomerDeviceBodySchema = z.object({
  device_type: deviceTypeSchema,
  brand: z.string().trim().min(1, "Brand is required").max(60),
  model: z.string().trim().min(1, "Model is required").max(80),
  imei_serial: imeiSerialSchema.nullable().optional(),
  colour: optionalText(40),
});
export type AddCustomerDeviceBody = z.input<typeof addCustomerDeviceBodySchema>;

export const mergeCustomersBodySchema = z.object({
  duplicate_id: z.string().trim().min(1, "duplicate_id is required"),
  /** A retry with the key answers the one merge; without one the pair is the key. */
  idempotency_key: z.string().trim().min(1).max(200).optional(),
});
export type MergeCustomersBody = z.input<typeof mergeCustomersBodySchema>;

export const CRM_CUSTOMER_ORDERS = ["name", "-name", "created_at", "-created_at", "last_visit_at", "-last_visit_at"] as const;

const dateParam = z.coerce.date({ error: "Use an ISO date, e.g. 2026-11-24 or 2026-11-24T08:00:00Z" });

export const listCrmCustomersQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  type: customerTypeSchema.optional(),
  tag: tagSchema.optional(),
  device_type: deviceTypeSchema.optional(),
  last_visit_before: dateParam.optional(),
  last_visit_after: dateParam.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  order: z.enum(CRM_CUSTOMER_ORDERS).default("-created_at"),
});
export interface ListCrmCustomersQuery {
  q?: string;
  type?: z.infer<typeof customerTypeSchema>;
  tag?: string;
  device_type?: z.infer<typeof deviceTypeSchema>;
  last_visit_before?: string | Date;
  last_visit_after?: string | Date;
  limit?: number;
  offset?: number;
  order?: (typeof CRM_CUSTOMER_ORDERS)[number];
}

export const lookupCrmCustomersQuerySchema = z.object({
  phone: z.string().trim().min(1, "phone is required").max(32),
});

// ---- answers -------------------------------------------------------------------------------

export const crmCustomerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  first_name: z.string().nullable(),
  last_name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  customer_type: customerTypeSchema,
  tags: z.array(z.string()),
  last_visit_at: z.string().nullable(),
  device_count: z.number().int(),
  job_count: z.number().int(),
  created_at: z.string(),
});
export type CrmCustomerSummary = z.infer<typeof crmCustomerSummarySchema>;

export const crmCustomerListSchema = z.object({
  customers: z.array(crmCustomerSummarySchema),
  ...offsetListPageShape,
});
export type CrmCustomerList = z.infer<typeof crmCustomerListSchema>;

export const customerDeviceSchema = z.object({
  id: z.string(),
  device_type: deviceTypeSchema,
  brand: z.string(),
  model: z.string(),
  imei_serial: z.string().nullable(),
  colour: z.string().nullable(),
  job_count: z.number().int(),
  created_at: z.string(),
});
export type CustomerDevice = z.infer<typeof customerDeviceSchema>;

export const customerNoteSchema = z.object({
  id: z.string(),
  body: z.string(),
  author: z.string(),
  created_at: z.string(),
});
export type CustomerNote = z.infer<typeof customerNoteSchema>;

export const customerRepairJobSchema = z.object({
  id: z.string(),
  job_number: z.string(),
  status: repairStatusSchema,
  device_type: deviceTypeSchema,
  brand: z.string(),
  model: z.string(),
  issue: z.string(),
  priority: prioritySchema,
  device_id: z.string().nullable(),
  created_at: z.string(),
});
export type CustomerRepairJob = z.infer<typeof customerRepairJobSchema>;

/** A Medusa order of the customer. Totals in sen (Medusa stores ringgit). */
export const customerPurchaseSchema = z.object({
  id: z.string(),
  display_id: z.number().nullable(),
  status: z.string(),
  currency_code: z.string(),
  total_sen: z.number().int(),
  item_count: z.number().int(),
  created_at: z.string(),
});
export type CustomerPurchase = z.infer<typeof customerPurchaseSchema>;

export const crmCustomerDetailSchema = crmCustomerSummarySchema.extend({
  devices: z.array(customerDeviceSchema),
  repair_jobs: z.array(customerRepairJobSchema),
  purchases: z.array(customerPurchaseSchema),
  notes: z.array(customerNoteSchema),
});
export type CrmCustomerDetail = z.infer<typeof crmCustomerDetailSchema>;

export const crmTagCountsSchema = z.object({ tags: z.array(z.object({ tag: z.string(), count: z.number().int() })) });
export type CrmTagCounts = z.infer<typeof crmTagCountsSchema>;

export const crmLookupSchema = z.object({
  customers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      phone: z.string().nullable(),
      customer_type: customerTypeSchema,
      match: z.enum(["exact", "prefix"]),
    }),
  ),
});
export type CrmLookup = z.infer<typeof crmLookupSchema>;

export const crmDuplicatesSchema = z.object({
  groups: z.array(
    z.object({
      phone: z.string(),
      customers: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), created_at: z.string() })),
    }),
  ),
  count: z.number().int(),
});
export type CrmDuplicates = z.infer<typeof crmDuplicatesSchema>;

export const crmMergeResultSchema = z.object({
  customer: crmCustomerDetailSchema,
  merged: z.object({
    duplicate_id: z.string(),
    repair_jobs: z.number().int(),
    devices: z.number().int(),
    notes: z.number().int(),
    orders: z.number().int(),
  }),
});
export type CrmMergeResult = z.infer<typeof crmMergeResultSchema>;

/** The 409 answer to creating a customer whose phone (or email) another customer has. */
export const duplicateCustomerErrorSchema = z.object({
  type: z.literal("duplicate_customer"),
  message: z.string(),
  field: z.enum(["phone", "email"]),
  existing_customer: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
});
export type DuplicateCustomerError = z.infer<typeof duplicateCustomerErrorSchema>;

/** The 409 answer to adding a device whose IMEI / serial the customer already has. */
export const duplicateDeviceErrorSchema = z.object({
  type: z.literal("duplicate_device"),
  message: z.string(),
  existing_device: customerDeviceSchema.pick({ id: true, device_type: true, brand: true, model: true, imei_serial: true }),
});
export type DuplicateDeviceError = z.infer<typeof duplicateDeviceErrorSchema>;
