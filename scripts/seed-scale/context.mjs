// What the scale seed builds on: the demo shop's location, Counter channel, region, WhatsApp
// session, staff and stocked products. Missing pieces stop the run with what to do.
import { SHOP_TIME_ZONE, startOfShopDay } from "@voltura/domain";
import { literal } from "./sql.mjs";

const DEMO_HINT = "seed the demo shop first (`npm start`, or migrateAndSeed in a script)";

function required(value, what) {
  if (!value) throw new Error(`${what} is missing — ${DEMO_HINT}`);
  return value;
}

function staff(db, role) {
  const rows = db.rows(`SELECT id, trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) FROM "user"
    WHERE metadata ->> 'role' = ${literal(role)} AND deleted_at IS NULL ORDER BY created_at, id`);
  return rows.map(([id, name]) => ({ id, name: name || id }));
}

export function readShop(db) {
  const location = required(db.value(`SELECT id FROM stock_location WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1`), "a stock location");
  const channel = required(db.value(`SELECT id FROM sales_channel WHERE name = 'Counter' AND deleted_at IS NULL LIMIT 1`), "the Counter sales channel");
  const region = required(db.value(`SELECT id FROM region WHERE currency_code = 'myr' AND deleted_at IS NULL ORDER BY created_at LIMIT 1`), "the MYR region");
  const session = required(db.value(`SELECT id FROM whatsapp_session WHERE deleted_at IS NULL ORDER BY is_default DESC, created_at LIMIT 1`), "a WhatsApp session");
  const suppliers = db.rows(`SELECT id FROM supplier WHERE deleted_at IS NULL ORDER BY created_at, id`).map(([id]) => id);
  required(suppliers.length, "a supplier");
  const hasReceiptTable = db.value(`SELECT to_regclass('public.purchase_order_receipt') IS NOT NULL`) === "t";
  const technicians = staff(db, "technician");
  const counterStaff = [...staff(db, "cashier"), ...staff(db, "manager")];
  required(technicians.length, "a technician");
  required(counterStaff.length, "a cashier or manager");
  // Stocked variants with a ringgit price and a level at the shop: what the counter sells.
  const items = db.rows(`
    SELECT v.id, v.product_id, pvi.inventory_item_id, coalesce(v.sku, ''), p.title, round(pr.amount * 100)::int
      FROM product_variant v
      JOIN product p ON p.id = v.product_id AND p.deleted_at IS NULL
      JOIN product_variant_inventory_item pvi ON pvi.variant_id = v.id AND pvi.deleted_at IS NULL
      JOIN inventory_level il ON il.inventory_item_id = pvi.inventory_item_id AND il.location_id = ${literal(location)} AND il.deleted_at IS NULL
      JOIN LATERAL (SELECT pr.amount FROM product_variant_price_set pvps
                      JOIN price pr ON pr.price_set_id = pvps.price_set_id AND pr.currency_code = 'myr' AND pr.deleted_at IS NULL
                     WHERE pvps.variant_id = v.id AND pvps.deleted_at IS NULL ORDER BY pr.amount LIMIT 1) pr ON true
     WHERE v.deleted_at IS NULL AND v.manage_inventory
     ORDER BY v.id`).map(([variantId, productId, inventoryItemId, sku, title, priceSen]) => ({
    variantId, productId, inventoryItemId, sku: sku || null, title, priceSen: Number(priceSen),
  }));
  required(items.length, "a stocked product with a MYR price");
  return { location, channel, region, session, suppliers, hasReceiptTable, technicians, counterStaff, items };
}

/** The shop's stocked items as an inline SQL table `shop_item(n, variant_id, product_id, inventory_item_id, sku, title, price_sen)`, n from 0. */
export function itemsTable(items) {
  const rows = items.map((it, n) => `(${n}, ${literal(it.variantId)}, ${literal(it.productId)}, ${literal(it.inventoryItemId)}, ${it.sku ? literal(it.sku) : "NULL"}, ${literal(it.title)}, ${it.priceSen})`);
  return `CREATE TEMP TABLE shop_item (n int, variant_id text, product_id text, inventory_item_id text, sku text, title text, price_sen int) ON COMMIT DROP;
INSERT INTO shop_item VALUES ${rows.join(",\n  ")};`;
}

/** Staff as an inline SQL table `<name>(n, id, name)`, n from 0. */
export function staffTable(name, people) {
  return `CREATE TEMP TABLE ${name} (n int, id text, name text) ON COMMIT DROP;
INSERT INTO ${name} VALUES ${people.map((p, n) => `(${n}, ${literal(p.id)}, ${literal(p.name)})`).join(", ")};`;
}

/** Time window helpers shared by the steps: `until` (end of history) and the five years before it. */
export function windowSql(until) {
  const start = `${literal(startOfShopDay(until).toISOString())}::timestamptz`;
  const zone = literal(SHOP_TIME_ZONE);
  return `CREATE TEMP TABLE scale_window ON COMMIT DROP AS
  SELECT ${start} AS until, ${start} - interval '5 years' AS since;
-- u in [0, 1] → a moment in shop hours (10:00–21:00) of the day at u; busier towards the end (sqrt).
CREATE FUNCTION pg_temp.moment(u float8, i bigint, salt int) RETURNS timestamptz STABLE LANGUAGE sql AS $$
  SELECT ((date_trunc('day', (w.since + (w.until - w.since - interval '1 day') * sqrt(u)) AT TIME ZONE ${zone})
           + interval '10 hours' + interval '1 second' * floor(pg_temp.rnd(i, salt) * 39600)) AT TIME ZONE ${zone})
    FROM scale_window w $$;`;
}
