// 50k purchase-order lines (five per order) over five years, every order received: PO-YYYY-NNNNNN
// continuing `number_series`, a `purchase_order_receipt` per order, one `receipt` ledger row
// per line with the same quantity put on `inventory_level`, and the items' weighted average cost.
// Each item gets its share of lines sized so that, with the counter sales of pos-sales.mjs, more came
// in than went out: on-hand stays equal to the ledger and never ends negative.
import { anyScaleRow, literal, numberSeriesSql } from "./sql.mjs";
import { itemsTable, staffTable, windowSql } from "./context.mjs";

const LINES_PER_ORDER = 5;

export const purchasingStep = {
  name: "purchasing",
  marker: anyScaleRow("purchase_order_line", "poline"),
  script: ({ size, until, shop }) => `
LOCK TABLE number_series IN SHARE ROW EXCLUSIVE MODE;
${windowSql(until)}
${itemsTable(shop.items)}
${staffTable("buyer", shop.counterStaff)}
CREATE TEMP TABLE supplier_pick (n int, id text) ON COMMIT DROP;
INSERT INTO supplier_pick VALUES ${shop.suppliers.map((id, n) => `(${n}, ${literal(id)})`).join(", ")};
SELECT 'mark', 'supplier_pick', clock_timestamp();

CREATE TEMP TABLE sold ON COMMIT DROP AS
  SELECT inventory_item_id, -sum(quantity_delta) AS quantity FROM stock_movement
   WHERE kind = 'sale' AND reference_id LIKE 'psale\\_scale\\_%' AND deleted_at IS NULL GROUP BY inventory_item_id;

CREATE TEMP TABLE pline ON COMMIT DROP AS
  SELECT l, (l - 1) / ${LINES_PER_ORDER} + 1 AS p, it.*,
         count(*) OVER (PARTITION BY it.n) AS item_lines
    FROM generate_series(1::bigint, ${size.purchaseLines}) AS l
    JOIN shop_item it ON it.n = (l - 1) % ${shop.items.length};
ALTER TABLE pline ADD COLUMN quantity int, ADD COLUMN unit_cost_sen int;
UPDATE pline x SET quantity = ceil(coalesce(s.quantity, 0) * 1.1 / x.item_lines)::int + 1 + pg_temp.pick(x.l, 71, 3),
                   unit_cost_sen = x.price_sen * (45 + pg_temp.pick(x.l, 73, 15)) / 100
  FROM shop_item it LEFT JOIN sold s ON s.inventory_item_id = it.inventory_item_id
 WHERE it.n = x.n;
SELECT 'mark', 'pline (update)', clock_timestamp();

CREATE TEMP TABLE porder ON COMMIT DROP AS
  SELECT p, created_at, created_at + interval '1 hour' AS sent_at,
         LEAST(created_at + interval '1 day' * (2 + pg_temp.rnd(p, 74) * 3), (SELECT until FROM scale_window) - interval '1 hour') AS received_at,
         pg_temp.shop_year(created_at) AS year
    FROM (SELECT p, pg_temp.moment(p::float8 / ${Math.ceil(size.purchaseLines / LINES_PER_ORDER)}, p, 72) AS created_at
            FROM generate_series(1::bigint, ${Math.ceil(size.purchaseLines / LINES_PER_ORDER)}) AS p) x;
ALTER TABLE porder ADD COLUMN n bigint;
UPDATE porder x SET n = r.n
  FROM (SELECT o.p, coalesce(q.last_value, 0) + row_number() OVER (PARTITION BY o.year ORDER BY o.created_at, o.p) AS n
          FROM porder o LEFT JOIN number_series q ON q.id = 'PO-' || o.year AND q.deleted_at IS NULL) r
 WHERE r.p = x.p;
ANALYZE pline; ANALYZE porder;
SELECT 'mark', 'porder (update)', clock_timestamp();

INSERT INTO purchase_order (id, po_number, supplier_id, location_id, status, expected_at, sent_at, received_at, created_by, created_at, updated_at)
  SELECT pg_temp.sid('po', o.p), pg_temp.doc('PO-' || o.year, o.n), sp.id, ${literal(shop.location)}, 'received',
         o.sent_at + interval '3 days', o.sent_at, o.received_at, b.name, o.created_at, o.received_at
    FROM porder o
    JOIN supplier_pick sp ON sp.n = pg_temp.pick(o.p, 75, ${shop.suppliers.length})
    JOIN buyer b ON b.n = pg_temp.pick(o.p, 76, ${shop.counterStaff.length});
SELECT 'mark', 'purchase_order', clock_timestamp();

${numberSeriesSql("PO", "porder")}

INSERT INTO purchase_order_line (id, purchase_order_id, inventory_item_id, title, sku, quantity_ordered, quantity_received, unit_cost_sen, created_at, updated_at)
  SELECT pg_temp.sid('poline', x.l), pg_temp.sid('po', x.p), x.inventory_item_id, x.title, x.sku, x.quantity, x.quantity, x.unit_cost_sen, o.created_at, o.received_at
    FROM pline x JOIN porder o ON o.p = x.p;
SELECT 'mark', 'purchase_order_line', clock_timestamp();

${shop.hasReceiptTable ? `INSERT INTO purchase_order_receipt (id, purchase_order_id, request_hash, lines, received_by, created_at, updated_at)
  SELECT pg_temp.sid('porc', o.p), pg_temp.sid('po', o.p), md5('scale-po-' || o.p),
         r.lines, b.id, o.received_at, o.received_at
    FROM porder o
    JOIN (SELECT p, jsonb_agg(jsonb_build_object('line_id', pg_temp.sid('poline', l), 'quantity', quantity) ORDER BY l) AS lines FROM pline GROUP BY p) r ON r.p = o.p
    JOIN buyer b ON b.n = pg_temp.pick(o.p, 76, ${shop.counterStaff.length});
SELECT 'mark', 'purchase_order_receipt', clock_timestamp();` : "-- no purchase_order_receipt table in this schema"}

INSERT INTO stock_movement (id, inventory_item_id, location_id, quantity_delta, kind, unit_cost_sen, reference_type, reference_id, actor_id, note, created_at, updated_at)
  SELECT pg_temp.sid('smov_rcpt', x.l), x.inventory_item_id, ${literal(shop.location)}, x.quantity, 'receipt', x.unit_cost_sen, 'purchase_order', pg_temp.sid('po', x.p),
         b.id, 'Received on ' || pg_temp.doc('PO-' || o.year, o.n), o.received_at, o.received_at
    FROM pline x JOIN porder o ON o.p = x.p JOIN buyer b ON b.n = pg_temp.pick(o.p, 76, ${shop.counterStaff.length});
SELECT 'mark', 'stock_movement', clock_timestamp();

-- The weighted average cost over what was on hand and what came in (as the ledger's booking moves it).
INSERT INTO item_stock_profile (id, inventory_item_id, average_cost_sen, created_at, updated_at)
  SELECT pg_temp.sid('isp', min(x.n)), x.inventory_item_id,
         round((coalesce(max(sp.average_cost_sen), 0) * coalesce(max(greatest(il.stocked_quantity, 0)), 0) + sum(x.quantity * x.unit_cost_sen))
               / nullif(coalesce(max(greatest(il.stocked_quantity, 0)), 0) + sum(x.quantity), 0))::int, now(), now()
    FROM pline x
    LEFT JOIN item_stock_profile sp ON sp.inventory_item_id = x.inventory_item_id AND sp.deleted_at IS NULL
    LEFT JOIN inventory_level il ON il.inventory_item_id = x.inventory_item_id AND il.location_id = ${literal(shop.location)} AND il.deleted_at IS NULL
   GROUP BY x.inventory_item_id
  ON CONFLICT (inventory_item_id) WHERE deleted_at IS NULL DO UPDATE SET average_cost_sen = EXCLUDED.average_cost_sen, updated_at = now();
SELECT 'mark', 'item_stock_profile', clock_timestamp();

UPDATE inventory_level il
   SET stocked_quantity = v.on_hand, raw_stocked_quantity = pg_temp.raw(v.on_hand), updated_at = now()
  FROM (SELECT il2.id, coalesce((il2.raw_stocked_quantity ->> 'value')::numeric, il2.stocked_quantity) + got.quantity AS on_hand
          FROM (SELECT inventory_item_id, sum(quantity) AS quantity FROM pline GROUP BY inventory_item_id) got
          JOIN inventory_level il2 ON il2.inventory_item_id = got.inventory_item_id AND il2.location_id = ${literal(shop.location)} AND il2.deleted_at IS NULL) v
 WHERE il.id = v.id;
SELECT 'mark', 'inventory_level (update)', clock_timestamp();

SELECT 'purchase_order', count(*) FROM porder
UNION ALL SELECT 'purchase_order_line', count(*) FROM pline
UNION ALL SELECT 'stock_movement (receipt)', count(*) FROM pline
UNION ALL SELECT 'number_series ' || string_agg('PO-' || year || '=' || n, ' ' ORDER BY year), 0 FROM (SELECT year, max(n) AS n FROM porder GROUP BY year) x;
`,
};
