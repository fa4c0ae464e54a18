import type { AnyRole } from "@voltura/domain";

/** Quotations and invoices are counter work: cashiers create and send them; the worker reads and shares for reminders. */
export const INVOICING_READERS: readonly AnyRole[] = ["owner", "manager", "cashier", "system", "integration"];
export const INVOICING_WRITERS: readonly AnyRole[] = ["owner", "manager", "cashier"];
/** The worker marks quotations expired; people move them too. */
export const QUOTATION_MOVERS: readonly AnyRole[] = ["owner", "manager", "cashier", "system"];
/** Templates, the e-invoice profile and MyInvois exports are the manager's. */
export const INVOICING_MANAGERS: readonly AnyRole[] = ["owner", "manager"];
/** Sharing a PDF link (for WhatsApp) happens from the counter and from the follow-up worker. */
export const INVOICING_SHARERS: readonly AnyRole[] = ["owner", "manager", "cashier", "system"];
