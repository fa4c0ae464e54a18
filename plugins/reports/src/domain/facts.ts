/** What the reports are computed from, whatever raised the sale. Money in sen. */
export type SaleSource = "pos" | "repair" | "invoice";
export const SALE_SOURCES: readonly SaleSource[] = ["pos", "repair", "invoice"];

export interface SaleLineFact {
  /** Groups the same thing across sales: variant id when there is one, else the title. */
  key: string;
  title: string;
  kind: "item" | "service";
  quantity: number;
  /** Net of SST and discounts. */
  revenue_sen: number;
  inventory_item_id: string | null;
}

export interface SaleFact {
  source: SaleSource;
  reference: string;
  at: Date;
  /** Net of SST. */
  revenue_sen: number;
  sst_sen: number;
  lines: SaleLineFact[];
  technician: string | null;
}

export interface CompletedJobFact {
  job_number: string;
  technician: string | null;
  received_at: Date;
  completed_at: Date;
  /** Net revenue of the job's invoice (0 when none yet). */
  revenue_sen: number;
}
