import type { AnyRole } from "@voltura/domain";

/** Who may read a job's billing: the whole desk, the Temporal worker and integrations. */
export const BILLING_READERS: readonly AnyRole[] = ["owner", "manager", "cashier", "technician", "system", "integration"];
/** Lines and quotes are the bench's work; cashiers read them. */
export const LINE_AND_QUOTE_WRITERS: readonly AnyRole[] = ["owner", "manager", "technician"];
/** The customer's decision is taken at the counter (and by the worker for WhatsApp replies). */
export const QUOTE_DECIDERS: readonly AnyRole[] = ["owner", "manager", "cashier", "system"];
/** Money changes hands at the counter. */
export const PICKUP_TAKERS: readonly AnyRole[] = ["owner", "manager", "cashier"];
/** Voiding a warranty is a manager's call. */
export const WARRANTY_VOIDERS: readonly AnyRole[] = ["owner", "manager"];
/** A claim is an intake at the counter. */
export const WARRANTY_CLAIM_TAKERS: readonly AnyRole[] = ["owner", "manager", "cashier", "technician"];
/** Warranty lookup at the counter, by the worker and by integrations. */
export const WARRANTY_READERS: readonly AnyRole[] = ["owner", "manager", "cashier", "technician", "system", "integration"];
