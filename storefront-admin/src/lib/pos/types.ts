import type { PaymentMethod } from "@voltura/domain";

export interface PaymentSubmit {
  payments: Array<{ method: PaymentMethod; amount_sen: number; reference?: string }>;
  allow_balance_due: boolean;
  manager_approval?: { email: string; password: string };
  stock_override: boolean;
}

/** What the last attempt was refused for, when a manager can approve it. */
export interface ApprovalNeed {
  reason: "discount" | "stock";
  message: string;
}
