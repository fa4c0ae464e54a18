// The Medusa side of the generated counter sales (runs inside pos-sales.mjs's transaction, over its
// temp tables `ssale` and `sline`): one completed order per sale in the Counter channel with
// metadata.source = "pos" and pos_sale_id (what reports and the integrity check read), its summary,
// line items with their SST tax line, and the sale ↔ order link row.
import { literal } from "./sql.mjs";

export function posOrdersSql(shop) {
  const ringgit = (sen) => `round(${sen} / 100.0, 2)`;
  return `
INSERT INTO "order" (id, region_id, customer_id, version, sales_channel_id, status, currency_code, metadata, created_at, updated_at)
  SELECT pg_temp.sid('order', x.s), ${literal(shop.region)}, CASE WHEN x.c IS NOT NULL THEN pg_temp.sid('cus', x.c) END, 1,
         ${literal(shop.channel)}, 'completed', 'myr',
         jsonb_build_object('source', 'pos', 'pos_sale_id', pg_temp.sid('psale', x.s), 'receipt_number', pg_temp.doc('RCP-' || x.year, x.n),
                            'sst_sen', x.sst_sen, 'total_sen', x.total_sen, 'balance_due_sen', 0, 'cash_rounding_sen', x.rounded_sen - x.total_sen),
         x.sold_at, x.sold_at
    FROM ssale x ORDER BY x.sold_at, x.s;
SELECT 'mark', 'order', clock_timestamp();

INSERT INTO order_summary (id, order_id, version, totals, created_at, updated_at)
  SELECT pg_temp.sid('ordsum', x.s), pg_temp.sid('order', x.s), 1,
         jsonb_build_object('paid_total', t.total, 'raw_paid_total', pg_temp.raw(t.total), 'refunded_total', 0, 'raw_refunded_total', pg_temp.raw(0),
                            'accounting_total', t.total, 'raw_accounting_total', pg_temp.raw(t.total), 'transaction_total', t.total, 'raw_transaction_total', pg_temp.raw(t.total),
                            'current_order_total', t.total, 'raw_current_order_total', pg_temp.raw(t.total), 'original_order_total', t.total,
                            'raw_original_order_total', pg_temp.raw(t.total), 'pending_difference', 0, 'raw_pending_difference', pg_temp.raw(0),
                            'credit_line_total', 0, 'raw_credit_line_total', pg_temp.raw(0)),
         x.sold_at, x.sold_at
    FROM ssale x CROSS JOIN LATERAL (SELECT ${ringgit("x.total_sen")} AS total) t;
SELECT 'mark', 'order_summary', clock_timestamp();

INSERT INTO order_line_item (id, title, variant_id, product_id, product_title, variant_sku, requires_shipping, is_tax_inclusive, unit_price, raw_unit_price, created_at, updated_at)
  SELECT pg_temp.sid('ordli', l.l), l.title, l.variant_id, l.product_id, l.title, l.sku, false, false,
         ${ringgit("l.price_sen")}, pg_temp.raw(${ringgit("l.price_sen")}), x.sold_at, x.sold_at
    FROM sline l JOIN ssale x ON x.s = l.s;
SELECT 'mark', 'order_line_item', clock_timestamp();

INSERT INTO order_line_item_tax_line (id, description, code, rate, raw_rate, item_id, created_at, updated_at)
  SELECT pg_temp.sid('ordlitxl', l.l), 'SST 8%', 'SST', 8, pg_temp.raw(8), pg_temp.sid('ordli', l.l), x.sold_at, x.sold_at
    FROM sline l JOIN ssale x ON x.s = l.s;
SELECT 'mark', 'order_line_item_tax_line', clock_timestamp();

INSERT INTO order_item (id, order_id, version, item_id, quantity, raw_quantity, fulfilled_quantity, shipped_quantity, return_requested_quantity,
                        return_received_quantity, return_dismissed_quantity, written_off_quantity, unit_price, raw_unit_price, created_at, updated_at)
  SELECT pg_temp.sid('orditem', l.l), pg_temp.sid('order', l.s), 1, pg_temp.sid('ordli', l.l), l.quantity, pg_temp.raw(l.quantity), 0, 0, 0, 0, 0, 0,
         ${ringgit("l.price_sen")}, pg_temp.raw(${ringgit("l.price_sen")}), x.sold_at, x.sold_at
    FROM sline l JOIN ssale x ON x.s = l.s;
SELECT 'mark', 'order_item', clock_timestamp();

INSERT INTO pos_pos_sale_order_order (id, pos_sale_id, order_id, created_at, updated_at)
  SELECT pg_temp.sid('link_psale', x.s), pg_temp.sid('psale', x.s), pg_temp.sid('order', x.s), x.sold_at, x.sold_at FROM ssale x;
SELECT 'mark', 'pos_pos_sale_order_order', clock_timestamp();
`;
}
