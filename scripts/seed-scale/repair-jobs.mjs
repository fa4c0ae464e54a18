// 200k repair jobs over five years with their status history and the customer ↔ job and
// device ↔ job links. Job numbers VSH-YYYY-NNNNNN by shop year, continuing each year's
// `number_series` row (the counter ends at the highest number used). The newest few hundred
// jobs are still open; the rest are delivered, cancelled or returned unrepaired.
import { ISSUES } from "./names.mjs";
import { staffTable, windowSql } from "./context.mjs";
import { anyScaleRow, numberSeriesSql, textArray } from "./sql.mjs";

/** Status path per final status: [from, to, moment] — moment indexes the job's times t0..t4. */
const PATHS = {
  delivered: [[null, "pending", 0], ["pending", "awaiting_approval", 1], ["awaiting_approval", "in_progress", 2], ["in_progress", "completed", 3], ["completed", "delivered", 4]],
  cancelled: [[null, "pending", 0], ["pending", "cancelled", 1]],
  returned_unrepaired: [[null, "pending", 0], ["pending", "awaiting_approval", 1], ["awaiting_approval", "returned_unrepaired", 2]],
  pending: [[null, "pending", 0]],
  awaiting_approval: [[null, "pending", 0], ["pending", "awaiting_approval", 1]],
  in_progress: [[null, "pending", 0], ["pending", "awaiting_approval", 1], ["awaiting_approval", "in_progress", 2]],
  awaiting_parts: [[null, "pending", 0], ["pending", "awaiting_approval", 1], ["awaiting_approval", "in_progress", 2], ["in_progress", "awaiting_parts", 3]],
  completed: [[null, "pending", 0], ["pending", "awaiting_approval", 1], ["awaiting_approval", "in_progress", 2], ["in_progress", "completed", 3]],
};
const OPEN = ["pending", "awaiting_approval", "in_progress", "awaiting_parts", "completed"];

const q = (s) => (s === null ? "NULL" : `'${s}'`);
const pathRows = Object.entries(PATHS).flatMap(([final, steps]) => steps.map(([from, to, t], n) => `('${final}', ${n}, ${q(from)}, '${to}', ${t})`));

export const repairJobsStep = {
  name: "repair jobs",
  marker: anyScaleRow("repair_job", "rjob"),
  script: ({ size, until, shop }) => `
LOCK TABLE number_series IN SHARE ROW EXCLUSIVE MODE;
${windowSql(until)}
${staffTable("tech", shop.technicians)}
${staffTable("desk", shop.counterStaff)}
CREATE TEMP TABLE status_path (final text, n int, from_status text, to_status text, t int) ON COMMIT DROP;
INSERT INTO status_path VALUES ${pathRows.join(", ")};
SELECT 'mark', 'status_path', clock_timestamp();

CREATE TEMP TABLE job_base ON COMMIT DROP AS
  SELECT i, pg_temp.moment(i::float8 / ${size.jobs}, i, 21) AS received_at,
         1 + pg_temp.pick(i, 22, GREATEST(1, floor(${size.customers}::float8 * i / ${size.jobs})::int)) AS c,
         CASE WHEN i > ${size.jobs - size.openJobs} THEN (${textArray(OPEN)})[1 + pg_temp.pick(i, 24, ${OPEN.length})]
              WHEN pg_temp.rnd(i, 24) < 0.88 THEN 'delivered' WHEN pg_temp.rnd(i, 24) < 0.95 THEN 'cancelled' ELSE 'returned_unrepaired' END AS status,
         -- hours after intake of quote sent, decided, completed, collected; squeezed to end before the history does
         1 + pg_temp.rnd(i, 25) * 5 AS h1
    FROM generate_series(1::bigint, ${size.jobs}) AS i;

CREATE TEMP TABLE scale_job ON COMMIT DROP AS
  SELECT b.i, pg_temp.sid('rjob', b.i) AS id, b.received_at, b.status, b.c,
         -- the customer's second device (customers step: 40 % have one) half the time
         CASE WHEN pg_temp.rnd(b.c, 18) < 0.4 AND pg_temp.rnd(b.i, 23) < 0.5 THEN b.c + ${size.customers} ELSE b.c END AS d,
         ARRAY[b.received_at,
               b.received_at + f.k * interval '1 hour' * b.h1,
               b.received_at + f.k * interval '1 hour' * (b.h1 + 2 + pg_temp.rnd(b.i, 26) * 20),
               b.received_at + f.k * interval '1 hour' * (b.h1 + 24 + pg_temp.rnd(b.i, 27) * 20),
               b.received_at + f.k * interval '1 hour' * (b.h1 + 48 + pg_temp.rnd(b.i, 28) * 20)] AS t,
         pg_temp.shop_year(b.received_at) AS year
    FROM job_base b, scale_window w,
         LATERAL (SELECT LEAST(1.0, extract(epoch FROM w.until - b.received_at)::float8 / 3600 * 0.9 / 74) AS k) f;

CREATE TEMP TABLE job_number ON COMMIT DROP AS
  SELECT j.i, j.year, coalesce(s.last_value, 0) + row_number() OVER (PARTITION BY j.year ORDER BY j.received_at, j.i) AS n
    FROM scale_job j LEFT JOIN number_series s ON s.id = 'VSH-' || j.year AND s.deleted_at IS NULL;
ANALYZE scale_job; ANALYZE job_number;

INSERT INTO repair_job (id, job_number, status, device_type, brand, model, issue, priority, customer_name, customer_phone,
                        workflow_id, created_by, created_at, updated_at, imei_serial, colour, technician_id, technician_name,
                        received_at, sla_due_at, sla_paused_seconds, sla_paused_since, completed_at, delivered_at, tracking_token)
  SELECT j.id, pg_temp.doc('VSH-' || jn.year, jn.n), j.status, d.device_type, d.brand, d.model,
         (${textArray(ISSUES)})[1 + pg_temp.pick(j.i, 29, ${ISSUES.length})],
         (ARRAY['normal', 'normal', 'normal', 'normal', 'high', 'urgent', 'low'])[1 + pg_temp.pick(j.i, 30, 7)],
         trim(cu.first_name || ' ' || cu.last_name), cu.phone,
         'job-' || pg_temp.doc('VSH-' || jn.year, jn.n), dk.name, j.received_at,
         j.t[(SELECT max(p.t) FROM status_path p WHERE p.final = j.status) + 1],
         d.imei_serial, d.colour, tc.id, tc.name,
         j.received_at, j.received_at + interval '3 days',
         CASE WHEN j.status IN ('delivered', 'in_progress', 'awaiting_parts', 'completed') THEN floor(extract(epoch FROM j.t[3] - j.t[2]))::int ELSE 0 END,
         CASE j.status WHEN 'awaiting_approval' THEN j.t[2] WHEN 'awaiting_parts' THEN j.t[4] END,
         CASE WHEN j.status IN ('completed', 'delivered') THEN j.t[4] END,
         CASE WHEN j.status = 'delivered' THEN j.t[5] END,
         rtrim(translate(encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text, 'UTF8')), 'base64'), '+/', '-_'), '=')
    FROM scale_job j
    JOIN job_number jn ON jn.i = j.i
    JOIN device d ON d.id = pg_temp.sid('dev', j.d)
    JOIN customer cu ON cu.id = pg_temp.sid('cus', j.c)
    JOIN tech tc ON tc.n = pg_temp.pick(j.i, 31, ${shop.technicians.length})
    JOIN desk dk ON dk.n = pg_temp.pick(j.i, 32, ${shop.counterStaff.length});
SELECT 'mark', 'repair_job', clock_timestamp();

${numberSeriesSql("VSH", "job_number")}

INSERT INTO repair_job_status_change (id, from_status, to_status, note, changed_by, changed_at, repair_job_id, created_at, updated_at)
  SELECT pg_temp.sid('rjsc', j.i * 8 + p.n), p.from_status, p.to_status,
         CASE WHEN p.n = 0 THEN 'Job received at the counter' END,
         CASE WHEN p.n = 0 THEN dk.name ELSE tc.name END, j.t[p.t + 1], j.id, j.t[p.t + 1], j.t[p.t + 1]
    FROM scale_job j
    JOIN status_path p ON p.final = j.status
    JOIN tech tc ON tc.n = pg_temp.pick(j.i, 31, ${shop.technicians.length})
    JOIN desk dk ON dk.n = pg_temp.pick(j.i, 32, ${shop.counterStaff.length});
SELECT 'mark', 'repair_job_status_change', clock_timestamp();

INSERT INTO customer_customer_repair_repair_job (id, customer_id, repair_job_id, created_at, updated_at)
  SELECT pg_temp.sid('link_rjc', i), pg_temp.sid('cus', c), id, received_at, received_at FROM scale_job;
SELECT 'mark', 'customer_customer_repair_repair_job', clock_timestamp();
INSERT INTO crm_device_repair_repair_job (id, device_id, repair_job_id, created_at, updated_at)
  SELECT pg_temp.sid('link_rjd', i), pg_temp.sid('dev', d), id, received_at, received_at FROM scale_job;
SELECT 'mark', 'crm_device_repair_repair_job', clock_timestamp();

UPDATE customer_profile p SET last_visit_at = v.last_visit
  FROM (SELECT c, max(received_at) AS last_visit FROM scale_job GROUP BY c) v
 WHERE p.id = pg_temp.sid('cprof', v.c);
SELECT 'mark', 'customer_profile (update)', clock_timestamp();

SELECT 'repair_job', count(*) FROM scale_job
UNION ALL SELECT 'repair_job open', count(*) FROM scale_job WHERE status IN ('pending', 'awaiting_approval', 'in_progress', 'awaiting_parts', 'completed')
UNION ALL SELECT 'repair_job_status_change', count(*) FROM scale_job j JOIN status_path p ON p.final = j.status
UNION ALL SELECT 'number_series ' || string_agg('VSH-' || year || '=' || n, ' ' ORDER BY year), 0 FROM (SELECT year, max(n) AS n FROM job_number GROUP BY year) x;
`,
};
