import { text, time, type Breach, type IntegrityCheck, type Row } from "../types";

/** A flow without a lease column: its claim counts as stale this long after it was created. */
export const CLAIM_GRACE_MS = 5 * 60_000;
/**
 * A leased claim may outlive its lease until a retry or the POS recovery job (every minute) takes
 * it over; only past this slack is it stuck.
 */
export const LEASE_SLACK_MS = 2 * 60_000;

/**
 * Claims that were taken and never finished. Rows: `claim` (pos_sale | pos_outbox | whatsapp_message |
 * staff_setup), `id`, `key` (the idempotency key), `status`, `receipt_number`, `created_at` and,
 * when the flow has one, `lease_until`. Stale: LEASE_SLACK_MS past the lease, or CLAIM_GRACE_MS
 * after creation without a lease.
 */
export function staleClaimBreaches(rows: readonly Row[], now: Date): Breach[] {
  return rows.flatMap((r) => {
    const created = time(r.created_at);
    const lease = time(r.lease_until);
    const staleAt = lease ? new Date(lease.getTime() + LEASE_SLACK_MS) : created ? new Date(created.getTime() + CLAIM_GRACE_MS) : null;
    if (!staleAt || staleAt.getTime() >= now.getTime()) return [];
    const claim = text(r.claim) ?? "?";
    const id = text(r.id) ?? "?";
    const key = text(r.key) ?? id;
    const ago = created ? ` ${Math.floor((now.getTime() - created.getTime()) / 60_000)} minutes ago` : "";
    return [{
      kind: "claim_stale", ref: id,
      message: describe(claim, text(r.status), key, text(r.receipt_number), ago),
      details: { claim, id, key: text(r.key), status: text(r.status), created_at: created?.toISOString() ?? null, lease_until: lease?.toISOString() ?? null, stale_since: staleAt.toISOString() },
    }];
  });
}

function describe(claim: string, status: string | null, key: string, receipt: string | null, ago: string): string {
  if (claim === "pos_sale" && status === "committed") return `Counter sale ${receipt ?? key} was paid and taken from stock${ago}, but its order was never finished.`;
  if (claim === "pos_sale") return `Counter checkout ${key} was started${ago} and never finished.`;
  if (claim === "pos_outbox") return `A counter payment or refund (${key}) was recorded${ago}, but its ${status === "order_money" ? "money on the order" : status ?? "follow-up"} was never finished.`;
  if (claim === "whatsapp_message") return `WhatsApp message ${key} was queued${ago} and has not gone out.`;
  if (claim === "staff_setup") return `The first-run setup was started${ago} and never finished.`;
  return `${claim} ${key} was started${ago} and never finished.`;
}

export const staleClaimsCheck: IntegrityCheck = {
  name: "no_stale_claims",
  title: "No checkout, message or setup is stuck half-way",
  description: "Counter sales still pending or committed without their order, and counter payments or refunds whose money on the order, event or audit row is still open, past their lease (plus 2 minutes for the recovery job), WhatsApp messages still waiting to go out under their idempotency key, and an unfinished first-run setup. Messages and the setup have no lease yet, so each counts as stuck 5 minutes after it started.",
  tables: ["pos_sale", "pos_outbox", "whatsapp_message", "staff_setup_claim"],
  // lease_until is read through to_jsonb so the query also runs on a pos_sale without that column.
  sql: `
    SELECT 'pos_sale' AS claim, s.id, s.idempotency_key AS key, s.status, s.receipt_number, s.created_at,
           (to_jsonb(s) ->> 'lease_until')::timestamptz AS lease_until
      FROM pos_sale s WHERE s.status IN ('pending', 'committed') AND s.deleted_at IS NULL
    UNION ALL
    SELECT 'pos_outbox', o.id, o.reference_id, o.task, NULL, o.created_at, o.lease_until
      FROM pos_outbox o WHERE o.done_at IS NULL AND o.deleted_at IS NULL
    UNION ALL
    SELECT 'whatsapp_message', id, idempotency_key, status, NULL, created_at, NULL
      FROM whatsapp_message WHERE direction = 'out' AND status = 'pending' AND idempotency_key IS NOT NULL AND deleted_at IS NULL
    UNION ALL
    SELECT 'staff_setup', id, id, 'pending', NULL, created_at, NULL
      FROM staff_setup_claim WHERE completed_at IS NULL AND deleted_at IS NULL
    ORDER BY created_at`,
  evaluate: (rows, ctx) => staleClaimBreaches(rows, ctx.now),
};
