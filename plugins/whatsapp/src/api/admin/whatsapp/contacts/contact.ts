import type { WhatsAppContact } from "@voltura/contracts";

export function toApiContact(c: { id: string; phone: string; customer_id: string | null; name: string | null; opted_out_at: Date | string | null }): WhatsAppContact {
  return { id: c.id, phone: c.phone, customer_id: c.customer_id, name: c.name, opted_out_at: c.opted_out_at ? new Date(c.opted_out_at).toISOString() : null };
}
