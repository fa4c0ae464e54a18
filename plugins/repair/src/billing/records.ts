import type { DecisionChannel, FeeType, PartGrade, PaymentMethod, QuoteStatus, RepairLineKind, WarrantyVoidReason } from "@voltura/domain";

/** Rows of the repairBilling module as its generated service returns them. */
export interface RepairLineRecord {
  id: string;
  repair_job_id: string;
  kind: RepairLineKind;
  title: string;
  sku: string | null;
  variant_id: string | null;
  product_id: string | null;
  inventory_item_id: string | null;
  grade: PartGrade | null;
  fee_type: FeeType | null;
  quantity: number;
  unit_price_sen: number;
  hours: number | null;
  rate_sen: number | null;
  warranty_days: number;
  taxable: boolean;
  waived: boolean;
  note: string | null;
  reservation_id: string | null;
  stock_location_id: string | null;
  consumed_at: Date | string | null;
  created_by: string;
  created_at: Date | string;
}

export type NewRepairLine = Omit<RepairLineRecord, "id" | "created_at" | "consumed_at" | "reservation_id">;

export interface RepairQuoteRecord {
  id: string;
  repair_job_id: string;
  version: number;
  status: QuoteStatus;
  snapshot: Record<string, unknown>;
  note: string | null;
  sent_at: Date | string | null;
  sent_by: string | null;
  decided_at: Date | string | null;
  decided_by: string | null;
  decision_channel: DecisionChannel | null;
  decision_note: string | null;
}

export interface RepairInvoiceRecord {
  id: string;
  repair_job_id: string;
  invoice_number: string;
  order_id: string | null;
  subtotal_sen: number;
  sst_sen: number;
  total_sen: number;
  deposit_sen: number;
  amount_due_sen: number;
  sst_rate_bp: number;
  prices_include_tax: boolean;
  issued_at: Date | string;
  issued_by: string;
}

export interface RepairPaymentRecord {
  id: string;
  repair_job_id: string;
  invoice_id: string | null;
  method: PaymentMethod;
  amount_sen: number;
  tendered_sen: number;
  reference: string | null;
  collected_by: string | null;
  collected_by_ic_last4: string | null;
  received_by: string;
  received_at: Date | string;
}

export interface RepairWarrantyClaimRecord {
  id: string;
  claim_job_id: string;
  original_job_id: string;
  issue: string;
  note: string | null;
  created_by: string;
  created_at: Date | string;
  warranty_id?: string;
}

export interface RepairWarrantyRecord {
  id: string;
  repair_job_id: string;
  job_number: string;
  repair_line_id: string;
  title: string;
  device: string;
  customer_phone: string;
  imei_serial: string | null;
  warranty_days: number;
  starts_at: Date | string;
  ends_at: Date | string;
  void_reason: WarrantyVoidReason | null;
  void_note: string | null;
  voided_at: Date | string | null;
  voided_by: string | null;
  claims?: RepairWarrantyClaimRecord[];
}
