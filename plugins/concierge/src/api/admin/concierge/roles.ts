import type { AnyRole } from "@voltura/domain";

/** The Temporal worker and add-ons. */
export const SERVICE: readonly AnyRole[] = ["system", "integration"];
/** Everyone who works the inbox (technicians first), plus services. */
export const INBOX: readonly AnyRole[] = ["owner", "manager", "technician", "cashier", "system", "integration"];
/** Who edits the knowledge base and the concierge settings. */
export const EDITORS: readonly AnyRole[] = ["owner", "manager"];
