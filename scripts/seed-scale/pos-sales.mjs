// 300k counter sales over five years: `pos_sale` (completed, RCP-YYYY-NNNNNN continuing each
// year's `number_series`), lines, one payment each (cash rounded to 5 sen), a `sale` ledger
// row per line with the same quantity taken off `inventory_level`, so on-hand stays equal to the
// ledger; the Medusa orders come from pos-orders.mjs in the same transaction.
import { anyScaleRow, literal, numberSeriesSql } from "./sql.mjs";
import { itemsTable, staffTable, windowSql } from "./context.mjs";
import { posOrdersSql } from "./pos-orders.mjs";

const SST_BP = 800;

export const posSalesStep = {
  name: "pos sales",
  marker: anyScaleRow("pos_sale", "psale"),
  script: ({ size, until, shop }) => `
LOCK TABLE number_series IN SHARE ROW EXCLUSIVE MODE;
${windowSql(until)}
${itemsTable(shop.items)}
${staffTable("desk", shop.counterStaff)}

-- Line p (0..2) of sale s has the number s * 3 + p; a sale has 1 to 3 lines.
CREATE TEMP TABLE sline ON COMMIT DROP AS
  SELECT s, p, s * 3 + p AS l, it.*, q AS quantity, q * it.price_sen AS gross_sen,
         (q * it.price_sen * ${SST_BP} + 5000) / 10000 AS sst_sen
    FROM generate_series(1::bigint, ${size.sales}) AS s
    CROSS JOIN generate_series(0, 2) AS p
    CROSS JOIN LATERAL (SELECT 1 + (pg_temp.rnd(s * 3 + p, 65) < 0.15)::int AS q) qq
    JOIN shop_item it ON it.n = pg_temp.pick(s * 3 + p, 64, ${shop.items.length})
   WHERE p = 0 OR (p = 1 AND pg_temp.rnd(s, 62) < 0.35) OR (p = 2 AND pg_temp.rnd(s, 62) < 0.35 AND pg_temp.rnd(s, 63) < 0.3);

CREATE TEMP TABLE ssale ON COMMIT DROP AS
  SELECT x.*, CASE WHEN method = 'cash' THEN ((total_sen + 2) / 5) * 5 ELSE total_sen END AS rounded_sen
    FROM (SELECT s, pg_temp.moment(s::float8 / ${size.sales}, s, 61) AS sold_at,
                 sum(gross_sen)::int AS subtotal_sen, sum(sst_sen)::int AS sst_sen, sum(gross_sen + sst_sen)::int AS total_sen,
                 (ARRAY['cash', 'cash', 'cash', 'cash', 'card', 'card', 'duitnow_qr', 'duitnow_qr', 'ewallet', 'cash'])[1 + pg_temp.pick(s, 66, 10)] AS method,
                 CASE WHEN pg_temp.rnd(s, 67) < 0.2 THEN 1 + pg_temp.pick(s, 68, ${size.customers}) END AS c
            FROM sline GROUP BY s) x;
ALTER TABLE ssale ADD COLUMN year int, ADD COLUMN n bigint, ADD COLUMN tendered_sen int;
UPDATE ssale SET year = pg_temp.shop_year(sold_at),
                 tendered_sen = CASE WHEN method = 'cash' THEN ((rounded_sen + 999) / 1000) * 1000 ELSE rounded_sen END;
SELECT 'mark', 'ssale (update)', clock_timestamp();
UPDATE ssale x SET n = r.n
  FROM (SELECT s.s, coalesce(q.last_value, 0) + row_number() OVER (PARTITION BY s.year ORDER BY s.sold_at, s.s) AS n
          FROM ssale s LEFT JOIN number_series q ON q.id = 'RCP-' || s.year AND q.deleted_at IS NULL) r
 WHERE r.s = x.s;
ANALYZE sline; ANALYZE ssale;
SELECT 'mark', 'ssale (update)', clock_timestamp();

INSERT INTO pos_sale (id, idempotency_key, request_hash, status, receipt_number, register_id, order_id, customer_id, customer_phone, customer_name,
                      subtotal_sen, sst_sen, sst_by_rate, sst_included, total_sen, cash_rounding_sen, rounded_total_sen, tendered_sen, paid_sen,
                      change_sen, balance_due_sen, cashier_id, cashier_name, sold_at, created_at, updated_at, promo_codes)
  SELECT pg_temp.sid('psale', x.s), 'scale-sale-' || x.s, md5('scale-sale-' || x.s), 'completed', pg_temp.doc('RCP-' || x.year, x.n), 'main',
         pg_temp.sid('order', x.s), cu.id, cu.phone, trim(cu.first_name || ' ' || cu.last_name),
         x.subtotal_sen, x.sst_sen, jsonb_build_array(jsonb_build_object('sst_sen', x.sst_sen, 'sst_rate_bp', ${SST_BP}, 'taxable_sen', x.subtotal_sen)), false,
         x.total_sen, x.rounded_sen - x.total_sen, x.rounded_sen, x.tendered_sen, x.rounded_sen, x.tendered_sen - x.rounded_sen, 0,
         dk.id, dk.name, x.sold_at, x.sold_at, x.sold_at, '[]'::jsonb
    FROM ssale x
    JOIN desk dk ON dk.n = pg_temp.pick(x.s, 69, ${shop.counterStaff.length})
    LEFT JOIN customer cu ON cu.id = pg_temp.sid('cus', x.c);
SELECT 'mark', 'pos_sale', clock_timestamp();

${numberSeriesSql("RCP", "ssale")}

INSERT INTO pos_sale_line (id, sale_id, position, variant_id, product_id, inventory_item_id, title, sku, kind, quantity, unit_price_sen, gross_sen,
                           line_discount_sen, promotion_sen, cart_discount_sen, net_sen, sst_rate_bp, sst_sen, total_sen, created_at, updated_at)
  SELECT pg_temp.sid('psline', l.l), pg_temp.sid('psale', l.s), l.p, l.variant_id, l.product_id, l.inventory_item_id, l.title, l.sku, 'product',
         l.quantity, l.price_sen, l.gross_sen, 0, 0, 0, l.gross_sen, ${SST_BP}, l.sst_sen, l.gross_sen + l.sst_sen, x.sold_at, x.sold_at
    FROM sline l JOIN ssale x ON x.s = l.s;
SELECT 'mark', 'pos_sale_line', clock_timestamp();

INSERT INTO pos_payment (id, sale_id, stage, method, amount_sen, tendered_sen, change_sen, cash_rounding_sen, reference, received_by, received_at, created_at, updated_at)
  SELECT pg_temp.sid('ppay', x.s), pg_temp.sid('psale', x.s), 'checkout', x.method, x.rounded_sen, x.tendered_sen, x.tendered_sen - x.rounded_sen,
         x.rounded_sen - x.total_sen, CASE WHEN x.method = 'card' THEN 'APPR ' || lpad((x.s * 7919 % 1000000)::text, 6, '0') END,
         dk.name, x.sold_at, x.sold_at, x.sold_at
    FROM ssale x JOIN desk dk ON dk.n = pg_temp.pick(x.s, 69, ${shop.counterStaff.length});
SELECT 'mark', 'pos_payment', clock_timestamp();

INSERT INTO stock_movement (id, inventory_item_id, location_id, quantity_delta, kind, reference_type, reference_id, actor_id, created_at, updated_at)
  SELECT pg_temp.sid('smov_sale', l.l), l.inventory_item_id, ${literal(shop.location)}, -l.quantity, 'sale', 'pos_sale', pg_temp.sid('psale', l.s),
         dk.id, x.sold_at, x.sold_at
    FROM sline l JOIN ssale x ON x.s = l.s JOIN desk dk ON dk.n = pg_temp.pick(x.s, 69, ${shop.counterStaff.length});
SELECT 'mark', 'stock_movement', clock_timestamp();

UPDATE inventory_level il
   SET stocked_quantity = v.on_hand, raw_stocked_quantity = pg_temp.raw(v.on_hand), updated_at = now()
  FROM (SELECT il2.id, coalesce((il2.raw_stocked_quantity ->> 'value')::numeric, il2.stocked_quantity) - sold.quantity AS on_hand
          FROM (SELECT inventory_item_id, sum(quantity) AS quantity FROM sline GROUP BY inventory_item_id) sold
          JOIN inventory_level il2 ON il2.inventory_item_id = sold.inventory_item_id AND il2.location_id = ${literal(shop.location)} AND il2.deleted_at IS NULL) v
 WHERE il.id = v.id;
SELECT 'mark', 'inventory_level (update)', clock_timestamp();

${posOrdersSql(shop)}

SELECT 'pos_sale (+ order, summary, link)', count(*) FROM ssale
UNION ALL SELECT 'pos_sale_line (+ order line, item, tax line)', count(*) FROM sline
UNION ALL SELECT 'pos_payment', count(*) FROM ssale
UNION ALL SELECT 'stock_movement (sale)', count(*) FROM sline
UNION ALL SELECT 'number_series ' || string_agg('RCP-' || year || '=' || n, ' ' ORDER BY year), 0 FROM (SELECT year, max(n) AS n FROM ssale GROUP BY year) x;
`,
};
