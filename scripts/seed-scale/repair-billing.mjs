// The repair jobs' money: lines (diagnostic fee, part, labour), the quote each job was sent
// (approved, rejected or still waiting), an invoice for every completed or delivered job with
// INV-YYYY-NNNNNN continuing the shared `number_series` without gaps, the payment that
// collected it and the warranties that started at pickup. Parts here are special-order parts
// (no stocked item), so no ledger rows are involved.
import { DEVICES } from "./names.mjs";
import { anyScaleRow, literal, numberSeriesSql, textArray } from "./sql.mjs";
import { staffTable } from "./context.mjs";

const SST_BP = 800;
const FEE_SEN = 3000;
const METHODS = ["cash", "card", "duitnow_qr", "ewallet", "bank_transfer"];

export const repairBillingStep = {
  name: "repair billing",
  marker: anyScaleRow("repair_line", "rline"),
  script: ({ shop }) => `
LOCK TABLE number_series IN SHARE ROW EXCLUSIVE MODE;
${staffTable("desk", shop.counterStaff)}
CREATE TEMP TABLE device_part (brand text, model text, part text, price_sen int) ON COMMIT DROP;
INSERT INTO device_part VALUES ${DEVICES.map(([, brand, model, part, price]) => `(${literal(brand)}, ${literal(model)}, ${literal(part)}, ${price})`).join(", ")};
SELECT 'mark', 'device_part', clock_timestamp();

CREATE TEMP TABLE bjob ON COMMIT DROP AS
  SELECT substr(j.id, 12)::bigint AS i, j.id, j.status, j.job_number, j.device_type, j.brand, j.model, j.imei_serial,
         j.customer_name, j.customer_phone, j.technician_name, j.completed_at, j.delivered_at, h.quoted_at, h.decided_at,
         dp.part, dp.price_sen AS part_sen, CASE WHEN j.device_type = 'laptop' THEN 12000 ELSE 8000 END AS labour_sen
    FROM repair_job j
    JOIN (SELECT repair_job_id,
                 max(changed_at) FILTER (WHERE to_status = 'awaiting_approval') AS quoted_at,
                 max(changed_at) FILTER (WHERE from_status = 'awaiting_approval') AS decided_at
            FROM repair_job_status_change WHERE repair_job_id LIKE 'rjob\\_scale\\_%' GROUP BY repair_job_id) h ON h.repair_job_id = j.id
    JOIN device_part dp ON dp.brand = j.brand AND dp.model = j.model
   WHERE j.id LIKE 'rjob\\_scale\\_%' AND h.quoted_at IS NOT NULL;
ANALYZE bjob;

-- Line k of job i has the number i * 4 + k: 0 diagnostic fee, 1 part, 2 labour.
INSERT INTO repair_line (id, repair_job_id, kind, title, grade, fee_type, quantity, unit_price_sen, warranty_days, taxable, waived, created_by, created_at, updated_at)
  SELECT pg_temp.sid('rline', b.i * 4 + k), b.id,
         (ARRAY['fee', 'part', 'labour'])[k + 1],
         (ARRAY['Diagnostic fee', b.brand || ' ' || b.model || ' ' || b.part, 'Repair labour'])[k + 1],
         CASE WHEN k = 1 THEN (ARRAY['original', 'oem', 'compatible'])[1 + pg_temp.pick(b.i, 41, 3)] END,
         CASE WHEN k = 0 THEN 'diagnostic' END,
         1, (ARRAY[${FEE_SEN}, b.part_sen, b.labour_sen])[k + 1], (ARRAY[0, 90, 30])[k + 1], true,
         k = 0 AND b.status <> 'returned_unrepaired',
         b.technician_name, b.quoted_at - interval '20 minutes', b.quoted_at - interval '20 minutes'
    FROM bjob b CROSS JOIN generate_series(0, 2) AS k;
SELECT 'mark', 'repair_line', clock_timestamp();

CREATE TEMP TABLE bmoney ON COMMIT DROP AS
  SELECT i, charged, (charged * ${SST_BP} + 5000) / 10000 AS sst, charged + (charged * ${SST_BP} + 5000) / 10000 AS total,
         quoted, (quoted * ${SST_BP} + 5000) / 10000 AS quoted_sst
    FROM (SELECT i, CASE WHEN status = 'returned_unrepaired' THEN ${FEE_SEN} ELSE part_sen + labour_sen END AS charged,
                 ${FEE_SEN} + part_sen + labour_sen AS quoted FROM bjob) x;

CREATE TEMP TABLE quoted_lines ON COMMIT DROP AS
  SELECT repair_job_id, jsonb_agg((to_jsonb(l) - 'deleted_at' - 'updated_at') || jsonb_build_object('amount_sen', l.unit_price_sen, 'waived', false) ORDER BY l.id) AS lines
    FROM repair_line l WHERE l.id LIKE 'rline\\_scale\\_%' GROUP BY repair_job_id;

INSERT INTO repair_quote (id, repair_job_id, version, status, snapshot, sent_at, sent_by, decided_at, decided_by, decision_channel, created_at, updated_at)
  SELECT pg_temp.sid('rquote', b.i), b.id, 1,
         CASE b.status WHEN 'awaiting_approval' THEN 'sent' WHEN 'returned_unrepaired' THEN 'rejected' ELSE 'approved' END,
         jsonb_build_object(
           'lines', q.lines,
           'totals', jsonb_build_object('subtotal_sen', m.quoted, 'taxable_sen', m.quoted, 'sst_sen', m.quoted_sst, 'total_sen', m.quoted + m.quoted_sst,
                                        'waived_sen', 0, 'deposit_applied_sen', 0, 'deposit_refund_sen', 0, 'amount_due_sen', m.quoted + m.quoted_sst),
           'sst_rate_bp', ${SST_BP}, 'prices_include_tax', false),
         b.quoted_at, b.technician_name, b.decided_at,
         CASE WHEN b.decided_at IS NOT NULL THEN b.customer_name END,
         CASE WHEN b.decided_at IS NOT NULL THEN (ARRAY['counter', 'whatsapp'])[1 + pg_temp.pick(b.i, 42, 2)] END,
         b.quoted_at, coalesce(b.decided_at, b.quoted_at)
    FROM bjob b JOIN bmoney m ON m.i = b.i JOIN quoted_lines q ON q.repair_job_id = b.id;
SELECT 'mark', 'repair_quote', clock_timestamp();

CREATE TEMP TABLE binvoice ON COMMIT DROP AS
  SELECT b.i, pg_temp.shop_year(b.completed_at) AS year,
         coalesce(s.last_value, 0) + row_number() OVER (PARTITION BY pg_temp.shop_year(b.completed_at) ORDER BY b.completed_at, b.i) AS n
    FROM bjob b LEFT JOIN number_series s ON s.id = 'INV-' || pg_temp.shop_year(b.completed_at) AND s.deleted_at IS NULL
   WHERE b.status IN ('completed', 'delivered');

INSERT INTO repair_invoice (id, repair_job_id, invoice_number, subtotal_sen, sst_sen, total_sen, deposit_sen, amount_due_sen,
                            sst_rate_bp, prices_include_tax, issued_at, issued_by, created_at, updated_at)
  SELECT pg_temp.sid('rinv', b.i), b.id, pg_temp.doc('INV-' || v.year, v.n), m.charged, m.sst, m.total, 0, m.total,
         ${SST_BP}, false, b.completed_at, b.technician_name, b.completed_at, b.completed_at
    FROM binvoice v JOIN bjob b ON b.i = v.i JOIN bmoney m ON m.i = v.i;
SELECT 'mark', 'repair_invoice', clock_timestamp();

${numberSeriesSql("INV", "binvoice")}

INSERT INTO repair_payment (id, repair_job_id, invoice_id, method, amount_sen, tendered_sen, reference, collected_by, received_by, received_at, created_at, updated_at)
  SELECT pg_temp.sid('rpay', b.i), b.id, pg_temp.sid('rinv', b.i), p.method, m.total,
         CASE WHEN p.method = 'cash' THEN ((m.total + 999) / 1000) * 1000 ELSE m.total END,
         CASE WHEN p.method = 'card' THEN 'APPR ' || lpad((b.i * 7919 % 1000000)::text, 6, '0') END,
         b.customer_name, dk.name, b.delivered_at, b.delivered_at, b.delivered_at
    FROM bjob b JOIN bmoney m ON m.i = b.i
    JOIN desk dk ON dk.n = pg_temp.pick(b.i, 32, ${shop.counterStaff.length})
    CROSS JOIN LATERAL (SELECT (${textArray(METHODS)})[1 + pg_temp.pick(b.i, 43, ${METHODS.length})] AS method) p
   WHERE b.status = 'delivered';
SELECT 'mark', 'repair_payment', clock_timestamp();

INSERT INTO repair_warranty (id, repair_job_id, job_number, repair_line_id, title, device, customer_phone, imei_serial, warranty_days, starts_at, ends_at, created_at, updated_at)
  SELECT pg_temp.sid('rwty', b.i * 4 + k), b.id, b.job_number, pg_temp.sid('rline', b.i * 4 + k),
         CASE k WHEN 1 THEN b.brand || ' ' || b.model || ' ' || b.part ELSE 'Repair labour' END,
         b.brand || ' ' || b.model, b.customer_phone, b.imei_serial, (ARRAY[0, 90, 30])[k + 1],
         b.delivered_at, b.delivered_at + (ARRAY[0, 90, 30])[k + 1] * interval '1 day', b.delivered_at, b.delivered_at
    FROM bjob b CROSS JOIN generate_series(1, 2) AS k
   WHERE b.status = 'delivered';
SELECT 'mark', 'repair_warranty', clock_timestamp();

SELECT 'repair_line', count(*) * 3 FROM bjob
UNION ALL SELECT 'repair_quote', count(*) FROM bjob
UNION ALL SELECT 'repair_invoice', count(*) FROM binvoice
UNION ALL SELECT 'repair_payment', count(*) FROM bjob WHERE status = 'delivered'
UNION ALL SELECT 'repair_warranty', count(*) * 2 FROM bjob WHERE status = 'delivered'
UNION ALL SELECT 'number_series ' || string_agg('INV-' || year || '=' || n, ' ' ORDER BY year), 0 FROM (SELECT year, max(n) AS n FROM binvoice GROUP BY year) x;
`,
};
