import type { IntegrityCheck } from "../types";
import { invoiceNumbersCheck } from "./invoice-numbers";
import { onHandLedgerCheck } from "./on-hand-ledger";
import { posSaleRecordsCheck } from "./pos-sale-records";
import { staleClaimsCheck } from "./stale-claims";
import { stockMovementDocumentsCheck } from "./stock-movement-documents";

/** The checks, in the order the console shows them. */
export const INTEGRITY_CHECKS: readonly IntegrityCheck[] = [
  onHandLedgerCheck,
  stockMovementDocumentsCheck,
  posSaleRecordsCheck,
  invoiceNumbersCheck,
  staleClaimsCheck,
];
