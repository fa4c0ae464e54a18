// 100k customers (Medusa `customer`, Malaysian mobiles in E.164) created over five years, each
// with a CRM profile (type, tags, last visit) and one or two devices, with the customer ↔ profile
// and customer ↔ device link rows (crm plugin: src/links).
import { DEVICES, FIRST_NAMES, LAST_NAMES, PROFILE_TAGS } from "./names.mjs";
import { anyScaleRow, literal, textArray } from "./sql.mjs";
import { windowSql } from "./context.mjs";

/** Mobile prefixes whose whole 2xx xxxx–9xx xxxx range is valid (libphonenumber, as the intake checks). */
const MOBILE_PREFIXES = ["12", "13", "16", "17", "19"];

export const customersStep = {
  name: "customers",
  marker: anyScaleRow("customer", "cus"),
  script: ({ size, until, scale }) => `
${windowSql(until)}
CREATE TEMP TABLE scale_customer ON COMMIT DROP AS
  SELECT c, pg_temp.sid('cus', c) AS id, pg_temp.moment(c::float8 / ${size.customers}, c, 11) AS created_at,
         (${textArray(FIRST_NAMES)})[1 + pg_temp.pick(c, 12, ${FIRST_NAMES.length})] AS first_name,
         (${textArray(LAST_NAMES)})[1 + pg_temp.pick(c, 13, ${LAST_NAMES.length})] AS last_name,
         -- +601X and 7 digits from 2000000, unique per customer: c * 7919 mod 8·10^6 is a bijection on 0..8·10^6-1.
         '+60' || (${textArray(MOBILE_PREFIXES)})[1 + c % ${MOBILE_PREFIXES.length}] || (2000000 + (c * 7919) % 8000000)::text AS phone
    FROM generate_series(1::bigint, ${size.customers}) AS c;
-- A number the shop already has (the demo's customers) goes to 011-2xxx xxxx instead: phones stay unique.
UPDATE scale_customer s SET phone = '+6011' || (20000000 + s.c)::text
 WHERE EXISTS (SELECT 1 FROM customer cu WHERE cu.phone = s.phone AND cu.deleted_at IS NULL);
ANALYZE scale_customer;

INSERT INTO customer (id, first_name, last_name, phone, has_account, metadata, created_at, updated_at)
  SELECT id, first_name, last_name, phone, false,
         CASE WHEN c = 1 THEN jsonb_build_object('seed', 'scale', 'seed_scale', ${scale}, 'seed_until', ${literal(until)}) ELSE '{"seed": "scale"}'::jsonb END,
         created_at, created_at
    FROM scale_customer;
SELECT 'mark', 'customer', clock_timestamp();

INSERT INTO customer_profile (id, customer_type, tags, created_at, updated_at)
  SELECT pg_temp.sid('cprof', c),
         CASE WHEN pg_temp.rnd(c, 14) < 0.03 THEN 'corporate' WHEN pg_temp.rnd(c, 14) < 0.05 THEN 'dealer' ELSE 'walk_in' END,
         CASE WHEN pg_temp.rnd(c, 15) < 0.8 THEN '[]'::jsonb
              WHEN pg_temp.rnd(c, 15) < 0.95 THEN jsonb_build_array((${textArray(PROFILE_TAGS)})[1 + pg_temp.pick(c, 16, ${PROFILE_TAGS.length})])
              ELSE jsonb_build_array((${textArray(PROFILE_TAGS)})[1 + pg_temp.pick(c, 16, ${PROFILE_TAGS.length})], 'repeat') END,
         created_at, created_at
    FROM scale_customer;
SELECT 'mark', 'customer_profile', clock_timestamp();

INSERT INTO customer_customer_crm_customer_profile (id, customer_id, customer_profile_id, created_at, updated_at)
  SELECT pg_temp.sid('link_cprof', c), id, pg_temp.sid('cprof', c), created_at, created_at FROM scale_customer;
SELECT 'mark', 'customer_customer_crm_customer_profile', clock_timestamp();

-- Device k (0 or 1) of customer c has the number c + k * customers; every customer has one, 40 % two.
CREATE TEMP TABLE scale_device ON COMMIT DROP AS
  SELECT s.c + k * ${size.customers} AS d, s.c, s.id AS customer_id, s.created_at,
         1 + pg_temp.pick(s.c + k * ${size.customers}, 17, ${DEVICES.length}) AS model_n
    FROM scale_customer s CROSS JOIN generate_series(0, 1) AS k
   WHERE k = 0 OR pg_temp.rnd(s.c, 18) < 0.4;
ANALYZE scale_device;

-- A 15-digit IMEI passes the Luhn check (intake validates it): payload + its check digit.
CREATE FUNCTION pg_temp.with_luhn(payload text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT payload || ((10 - sum(CASE WHEN (length(payload) - pos) % 2 = 0
                                    THEN (substr(payload, pos, 1)::int * 2) / 10 + (substr(payload, pos, 1)::int * 2) % 10
                                    ELSE substr(payload, pos, 1)::int END) % 10) % 10)::text
    FROM generate_series(1, length(payload)) AS pos $$;

CREATE TEMP TABLE device_model (n int, device_type text, brand text, model text) ON COMMIT DROP;
INSERT INTO device_model VALUES ${DEVICES.map(([type, brand, model], n) => `(${n + 1}, ${literal(type)}, ${literal(brand)}, ${literal(model)})`).join(", ")};
SELECT 'mark', 'device_model', clock_timestamp();

INSERT INTO device (id, device_type, brand, model, imei_serial, colour, created_at, updated_at)
  SELECT pg_temp.sid('dev', d), m.device_type, m.brand, m.model,
         CASE WHEN m.device_type IN ('phone', 'tablet') THEN pg_temp.with_luhn('35' || lpad(((d * 104729) % 1000000000000)::text, 12, '0'))
              ELSE 'SN' || upper(to_hex(d * 2654435761)) END,
         (ARRAY['Black', 'White', 'Blue', 'Silver', 'Green', NULL])[1 + pg_temp.pick(d, 19, 6)],
         s.created_at, s.created_at
    FROM scale_device s JOIN device_model m ON m.n = s.model_n;
SELECT 'mark', 'device', clock_timestamp();

INSERT INTO customer_customer_crm_device (id, customer_id, device_id, created_at, updated_at)
  SELECT pg_temp.sid('link_cdev', d), customer_id, pg_temp.sid('dev', d), created_at, created_at FROM scale_device;
SELECT 'mark', 'customer_customer_crm_device', clock_timestamp();

SELECT 'customer', count(*) FROM scale_customer
UNION ALL SELECT 'customer_profile (+ link)', count(*) FROM scale_customer
UNION ALL SELECT 'device (+ link)', count(*) FROM scale_device;
`,
};
