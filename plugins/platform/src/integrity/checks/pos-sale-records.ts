import { num, text, type Breach, type IntegrityCheck, type Row } from "../types";

const ringgit = (sen: number) => `RM ${(sen / 100).toFixed(2)}`;

/**
 * A completed counter sale has: its Medusa order (through the `pos_sale` ↔ `order` link, or an
 * order whose `metadata.pos_sale_id` names it), payments (`pos_payment`) adding up to the sale's
 * `paid_sen`, and a receipt number.
 */
export function posSaleRecordBreaches(rows: readonly Row[]): Breach[] {
  const out: Breach[] = [];
  for (const r of rows) {
    const id = text(r.id) ?? "?";
    const receipt = text(r.receipt_number);
    const label = `Counter sale ${receipt ?? id}`;
    const paid = num(r.paid_sen);
    const payments = num(r.payments_sen);
    if (!receipt) out.push({ kind: "receipt_number_missing", ref: id, message: `${label} is completed but has no receipt number.`, details: { sale_id: id } });
    if (num(r.linked_orders) + num(r.tagged_orders) === 0) {
      out.push({ kind: "order_missing", ref: id, message: `${label} is completed but its order is missing.`, details: { sale_id: id, receipt_number: receipt, order_id: text(r.order_id) } });
    }
    if (paid !== payments) {
      out.push({
        kind: "payments_differ", ref: id,
        message: `${label} records ${ringgit(paid)} paid but its payments add up to ${ringgit(payments)}.`,
        details: { sale_id: id, receipt_number: receipt, paid_sen: paid, payments_sen: payments, payment_count: num(r.payment_count) },
      });
    }
  }
  return out;
}

export const posSaleRecordsCheck: IntegrityCheck = {
  name: "pos_sales_complete",
  title: "Every completed counter sale has its order, payments and receipt number",
  description: "Each completed counter sale has its order (linked, or tagged with the sale), payments adding up to what the sale records as paid, and a receipt number.",
  tables: ["pos_sale", "pos_payment", "pos_pos_sale_order_order", "order"],
  sql: `
    SELECT s.id, s.receipt_number, s.order_id, s.paid_sen,
      (SELECT COUNT(*) FROM pos_pos_sale_order_order l JOIN "order" o ON o.id = l.order_id AND o.deleted_at IS NULL
        WHERE l.pos_sale_id = s.id AND l.deleted_at IS NULL) AS linked_orders,
      (SELECT COUNT(*) FROM "order" o WHERE o.deleted_at IS NULL AND o.metadata ->> 'pos_sale_id' = s.id) AS tagged_orders,
      (SELECT COALESCE(SUM(p.amount_sen), 0) FROM pos_payment p WHERE p.sale_id = s.id AND p.deleted_at IS NULL) AS payments_sen,
      (SELECT COUNT(*) FROM pos_payment p WHERE p.sale_id = s.id AND p.deleted_at IS NULL) AS payment_count
    FROM pos_sale s
    WHERE s.status = 'completed' AND s.deleted_at IS NULL
    ORDER BY s.created_at, s.id`,
  evaluate: (rows) => posSaleRecordBreaches(rows),
};
