/**
 * What the archive moves, table by table. Tax records never move: repair invoices, their payments
 * and the job's lines (the invoice's content, which the reports read), counter invoices and
 * quotations stay in the hot tables; Medusa's own rows (orders, customers, links) stay too.
 */
export type ArchiveEntity = "repair_job" | "pos_sale" | "whatsapp_message" | "conversation";
export const RESTORABLE_ENTITIES = ["repair_job", "pos_sale", "conversation"] as const;
export type RestorableEntity = (typeof RESTORABLE_ENTITIES)[number];

export interface ChildTable {
  table: string;
  /** The column holding the parent's id. */
  parentKey: string;
}

export interface EntityPlan {
  entity: ArchiveEntity;
  table: string;
  /** Moved before the parent, put back after it (foreign keys point child → parent). */
  children: readonly ChildTable[];
  /** SQL over alias `p`: old enough (binding 1 = the cutoff) and finished, with nothing still due. */
  eligible: string;
}

export const FINAL_REPAIR_STATUSES = ["delivered", "cancelled", "returned_unrepaired"] as const;

export const TAX_RECORD_TABLES = ["repair_invoice", "repair_payment", "repair_line", "sales_invoice", "sales_invoice_payment", "quotation"] as const;

export const ARCHIVE_PLANS: readonly EntityPlan[] = [
  {
    entity: "repair_job",
    table: "repair_job",
    children: [
      { table: "repair_job_event", parentKey: "repair_job_id" },
      { table: "repair_job_photo", parentKey: "repair_job_id" },
      { table: "repair_job_status_change", parentKey: "repair_job_id" },
      { table: "repair_quote", parentKey: "repair_job_id" },
      { table: "repair_warranty", parentKey: "repair_job_id" },
    ],
    // A job in a warranty claim (either side) or with a warranty still running stays hot.
    eligible: `p.status IN (${FINAL_REPAIR_STATUSES.map((s) => `'${s}'`).join(", ")}) AND p.updated_at < ?
      AND (p.outbox IS NULL OR p.outbox = '[]'::jsonb) AND (p.lease_until IS NULL OR p.lease_until < now())
      AND NOT EXISTS (SELECT 1 FROM public.repair_warranty_claim c WHERE c.original_job_id = p.id OR c.claim_job_id = p.id)
      AND NOT EXISTS (SELECT 1 FROM public.repair_warranty w WHERE w.repair_job_id = p.id AND w.ends_at > now() AND w.voided_at IS NULL)`,
  },
  {
    entity: "pos_sale",
    table: "pos_sale",
    children: [
      { table: "pos_sale_line", parentKey: "sale_id" },
      { table: "pos_payment", parentKey: "sale_id" },
      { table: "pos_approval", parentKey: "sale_id" },
      { table: "pos_return", parentKey: "sale_id" },
      { table: "pos_outbox", parentKey: "sale_id" },
    ],
    eligible: `p.status = 'completed' AND p.updated_at < ? AND p.outbox IS NULL AND (p.lease_until IS NULL OR p.lease_until < now())
      AND NOT EXISTS (SELECT 1 FROM public.pos_outbox o WHERE o.sale_id = p.id AND o.done_at IS NULL)`,
  },
  {
    entity: "whatsapp_message",
    table: "whatsapp_message",
    children: [],
    eligible: `p.created_at < ? AND NOT (p.direction = 'out' AND p.status = 'pending')`,
  },
  {
    entity: "conversation",
    table: "concierge_conversation",
    children: [],
    eligible: `COALESCE(p.last_message_at, p.updated_at) < ?`,
  },
];

export function planOf(entity: ArchiveEntity): EntityPlan {
  const plan = ARCHIVE_PLANS.find((p) => p.entity === entity);
  if (!plan) throw new Error(`No archive plan for ${entity}`);
  return plan;
}

/** Every table the archive schema holds, parents and children. */
export const ARCHIVED_TABLES: readonly string[] = ARCHIVE_PLANS.flatMap((p) => [p.table, ...p.children.map((c) => c.table)]);

const digits = (column: string) => `regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`;
const lowerText = (column: string) => `lower(coalesce(${column}, ''))`;

/**
 * The one search key per searchable archive table (trigram GIN index on exactly this expression):
 * job / receipt numbers with and without dashes, names, IMEIs and the phone's digits.
 */
export const ARCHIVE_SEARCH_KEYS: Readonly<Record<string, string>> = {
  repair_job: [lowerText("job_number"), `replace(${lowerText("job_number")}, '-', '')`, lowerText("customer_name"), lowerText("imei_serial"), digits("customer_phone")].join(` || ' ' || `),
  pos_sale: [lowerText("receipt_number"), `replace(${lowerText("receipt_number")}, '-', '')`, lowerText("customer_name"), digits("customer_phone")].join(` || ' ' || `),
  whatsapp_message: [lowerText("sender_name"), digits("phone")].join(` || ' ' || `),
  concierge_conversation: digits("phone"),
};
