// What `npm run bench:scale` asks, at both sizes: the console's lists, searches, board, inbox, chat,
// campaigns (list, analytics and recipients of the biggest), dashboard and a year's report. Search values are read from the database being measured, so both
// sizes answer the same kind of question (a real job number, phone, name, IMEI, barcode).
import { psql } from "../lib/services.mjs";

/** Targets of the scale issue, p95 in ms at the scaled size with 8 clients. */
export const TARGETS = { list: 50, typeahead: 30, dashboard: 150 };

function one(sql, db) {
  return psql(sql, db).split("\n")[0] ?? "";
}

/** Values to search for, taken from the data (a job near the middle of the history, its customer's phone…). */
export function pickValues(db) {
  const jobs = Number(one("SELECT count(*) FROM repair_job WHERE deleted_at IS NULL", db));
  const [jobNumber, customerName, phone] = one(
    `SELECT job_number || '|' || customer_name || '|' || customer_phone FROM repair_job WHERE deleted_at IS NULL
     ORDER BY created_at, id OFFSET ${Math.floor(jobs / 2)} LIMIT 1`, db).split("|");
  const imei = one("SELECT imei_serial FROM repair_job WHERE imei_serial IS NOT NULL AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1", db);
  const technician = one("SELECT technician_id FROM repair_job WHERE technician_id IS NOT NULL ORDER BY created_at DESC LIMIT 1", db);
  const [sku, barcode, title] = one(
    `SELECT coalesce(v.sku, '') || '|' || coalesce(v.barcode, v.ean, v.upc, v.sku, '') || '|' || v.title FROM product_variant v
     WHERE v.deleted_at IS NULL AND v.sku IS NOT NULL ORDER BY v.created_at LIMIT 1`, db).split("|");
  const chatPhone = one("SELECT phone FROM whatsapp_message WHERE deleted_at IS NULL GROUP BY phone ORDER BY count(*) DESC LIMIT 1", db);
  const campaign = one(`SELECT campaign_id FROM campaign_recipient WHERE deleted_at IS NULL GROUP BY campaign_id ORDER BY count(*) DESC, campaign_id LIMIT 1`, db);
  const today = one("SELECT to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYY-MM-DD')", db);
  const yearAgo = one("SELECT to_char((now() AT TIME ZONE 'Asia/Kuala_Lumpur')::date - 364, 'YYYY-MM-DD')", db);
  const digits = phone.replace(/\D/g, "");
  return {
    jobNumber, jobNumberBare: jobNumber.replace(/\D/g, ""), customerName, phone, localPhone: `0${digits.slice(2)}`,
    lastDigits: digits.slice(-4), phonePrefix: `0${digits.slice(2, 7)}`, imei, technician, sku, barcode,
    itemWord: title.split(/\s+/)[0] ?? title, chatPhone, today, yearAgo, campaign,
  };
}

const q = (params) => new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "")).toString();

/** [name, target group, path] for every request the bench measures; the path is null when the data has nothing to ask for. */
export function scaleQueries(v) {
  const sorts = ["-created_at", "created_at", "-received_at", "received_at", "-sla_due_at", "sla_due_at"];
  return [
    // For scale: one row read through a Medusa module service (what such a read costs under load).
    ["shop settings (one row through its module service)", "list", "/admin/settings"],
    ...sorts.map((sort) => [`job list, sort=${sort}`, "list", `/admin/repair-jobs?${q({ limit: 50, sort })}`]),
    ["job list, status=delivered", "list", `/admin/repair-jobs?${q({ limit: 50, status: "delivered" })}`],
    ["job list, status=in_progress", "list", `/admin/repair-jobs?${q({ limit: 50, status: "in_progress" })}`],
    ["job list, technician", "list", `/admin/repair-jobs?${q({ limit: 50, technician_id: v.technician })}`],
    ["job list, priority=urgent", "list", `/admin/repair-jobs?${q({ limit: 50, priority: "urgent" })}`],
    ["job list, device_type=laptop", "list", `/admin/repair-jobs?${q({ limit: 50, device_type: "laptop" })}`],
    ["job list, breached", "list", `/admin/repair-jobs?${q({ limit: 50, breached: "true" })}`],
    ["job search, number", "list", `/admin/repair-jobs?${q({ limit: 20, q: v.jobNumber })}`],
    ["job search, number without dashes", "list", `/admin/repair-jobs?${q({ limit: 20, q: v.jobNumberBare })}`],
    ["job search, phone digits 6789", "list", `/admin/repair-jobs?${q({ limit: 20, q: "6789" })}`],
    ["job search, phone as typed", "list", `/admin/repair-jobs?${q({ limit: 20, q: v.localPhone })}`],
    ["job search, customer name", "list", `/admin/repair-jobs?${q({ limit: 20, q: v.customerName })}`],
    ["job search, IMEI", "list", `/admin/repair-jobs?${q({ limit: 20, q: v.imei })}`],
    ["job search, issue words", "list", `/admin/repair-jobs?${q({ limit: 20, q: "keyboard not working" })}`],
    ["job board", "list", "/admin/repair-jobs/board"],
    ["SLA breaches", "list", "/admin/repair-jobs/sla-breaches"],
    ["customer list", "list", `/admin/crm/customers?${q({ limit: 50 })}`],
    ["customer search, name", "list", `/admin/crm/customers?${q({ limit: 50, q: v.customerName })}`],
    ["customer search, phone digits", "list", `/admin/crm/customers?${q({ limit: 50, q: v.lastDigits })}`],
    ["customer typeahead, phone prefix", "typeahead", `/admin/crm/customers/lookup?${q({ phone: v.phonePrefix })}`],
    ["POS item search, name", "typeahead", `/admin/pos/catalogue?${q({ q: v.itemWord, limit: 20 })}`],
    ["POS item lookup, barcode", "typeahead", `/admin/pos/catalogue?${q({ code: v.barcode })}`],
    ["search service, job number", "list", `/admin/search?${q({ q: v.jobNumber })}`],
    ["search service, phone", "list", `/admin/search?${q({ q: v.localPhone })}`],
    ["search service, name", "list", `/admin/search?${q({ q: v.customerName })}`],
    ["inbox list", "list", "/admin/concierge/inbox"],
    ["chat, newest 50 of 5,000", "list", `/admin/whatsapp/messages?${q({ phone: v.chatPhone, limit: 50 })}`],
    ["chat, as the console loads it (100)", "list", `/admin/whatsapp/messages?${q({ phone: v.chatPhone, limit: 100 })}`],
    // GET /admin/campaigns is Medusa's promotion campaigns: the WhatsApp campaigns are listed under /plans.
    ["campaign list", "list", `/admin/campaigns/plans?${q({ limit: 50 })}`],
    // Null (skipped by the bench) when the database has no campaign with recipients.
    ["campaign analytics, the biggest campaign", "list", v.campaign ? `/admin/campaigns/${v.campaign}/analytics` : null],
    ["campaign recipients, first page", "list", v.campaign ? `/admin/campaigns/${v.campaign}/recipients?${q({ limit: 50 })}` : null],
    ["campaign recipients, failed", "list", v.campaign ? `/admin/campaigns/${v.campaign}/recipients?${q({ limit: 50, status: "failed" })}` : null],
    ["dashboard", "dashboard", "/admin/dashboard"],
    ["reports, a year", "dashboard", `/admin/reports?${q({ from: v.yearAgo, to: v.today })}`],
  ];
}

/** The console's dashboard before `/admin/dashboard` existed: its calls, made at once. */
export function dashboardCalls(statuses) {
  return [
    ...statuses.map((status) => `/admin/repair-jobs?${q({ status, limit: 1 })}`),
    `/admin/repair-jobs?${q({ limit: 8 })}`,
    "/admin/repair-jobs/sla-breaches",
    "/admin/inventory/levels?low_stock=true&limit=1",
  ];
}
