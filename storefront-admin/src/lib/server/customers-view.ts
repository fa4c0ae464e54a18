import { CUSTOMER_TYPE_LABELS, formatPhoneForDisplay, formatShopTime, SHOP_TIME_ZONE } from "@voltura/domain";
import type { CrmCustomerDetail, CrmCustomerSummary } from "@voltura/contracts";
import type { CommerceClient } from "@voltura/medusa-client";
import { formatDate, formatMoney } from "$lib/i18n/format";
import { intlLocale } from "$lib/i18n/locale";
import { customerListQuery, type CustomerFilters } from "$lib/customer-filters";
import type { CustomerDeviceRow, CustomerJobRow, CustomerNoteRow, CustomerPurchaseRow, CustomerRow } from "$lib/customer-types";
import { DEVICE_TYPE_LABELS, deviceName } from "$lib/repair/labels";

/** "24 Nov 2026": a calendar day in shop time. */
export function formatShopDate(at: string | Date, timeZone: string = SHOP_TIME_ZONE): string {
  if (timeZone === SHOP_TIME_ZONE) return formatDate(at);
  return new Intl.DateTimeFormat(intlLocale(), { timeZone, day: "numeric", month: "short", year: "numeric" }).format(new Date(at));
}

export const displayPhone = (phone: string | null): string => (phone ? formatPhoneForDisplay(phone) : "—");

export function customerRow(c: CrmCustomerSummary): CustomerRow {
  return {
    id: c.id,
    name: c.name,
    phone: displayPhone(c.phone),
    phoneE164: c.phone,
    email: c.email,
    type: c.customer_type,
    typeLabel: CUSTOMER_TYPE_LABELS[c.customer_type],
    tags: c.tags,
    deviceCount: c.device_count,
    jobCount: c.job_count,
    lastVisit: c.last_visit_at ? formatShopDate(c.last_visit_at) : null,
    lastVisitIso: c.last_visit_at,
  };
}

/** Most repair jobs first (or fewest, ascending); ties by name so pages stay stable. */
export function sortByJobCount<T extends { job_count: number; name: string; id: string }>(customers: readonly T[], descending: boolean): T[] {
  return customers.toSorted(
    (a, b) => (descending ? b.job_count - a.job_count : a.job_count - b.job_count) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

const BATCH = 200;
/** The most customers read for an export or a jobs-ordered list (a shop this size has far fewer). */
export const MAX_CUSTOMERS_READ = 10_000;

/**
 * Every customer the filter matches, in the filter's order, read in batches of 200. `truncated`
 * is true when more than MAX_CUSTOMERS_READ match.
 */
export async function readAllCustomers(
  commerce: CommerceClient,
  filters: CustomerFilters,
  max = MAX_CUSTOMERS_READ,
): Promise<{ customers: CrmCustomerSummary[]; count: number; truncated: boolean }> {
  const customers: CrmCustomerSummary[] = [];
  let count = 0;
  do {
    const limit = Math.min(BATCH, max - customers.length);
    const page = await commerce.listCrmCustomers(customerListQuery(filters, { limit, offset: customers.length }));
    count = page.count;
    customers.push(...page.customers);
    if (page.customers.length < limit) break;
  } while (customers.length < Math.min(count, max));
  const ordered = filters.sort.endsWith("jobs") ? sortByJobCount(customers, filters.sort.startsWith("-")) : customers;
  return { customers: ordered, count, truncated: count > customers.length };
}

/** One page of the list. Ordering by jobs is done here, because the commerce core cannot. */
export async function readCustomerPage(
  commerce: CommerceClient,
  filters: CustomerFilters,
  pageSize: number,
): Promise<{ customers: CrmCustomerSummary[]; count: number; truncated: boolean }> {
  const offset = (filters.page - 1) * pageSize;
  if (filters.sort.endsWith("jobs")) {
    const all = await readAllCustomers(commerce, filters);
    return { customers: all.customers.slice(offset, offset + pageSize), count: Math.min(all.count, all.customers.length), truncated: all.truncated };
  }
  const page = await commerce.listCrmCustomers(customerListQuery(filters, { limit: pageSize, offset }));
  return { customers: page.customers, count: page.count, truncated: false };
}

function money(sen: number, currency: string): string {
  if (currency.toLowerCase() === "myr") return formatMoney(sen);
  return new Intl.NumberFormat(intlLocale(), { style: "currency", currency: currency.toUpperCase() }).format(sen / 100);
}

/** The customer page's data, formatted: phones in Malaysian format, times in shop time, totals in RM. */
export function customerDetailView(c: CrmCustomerDetail) {
  const devices: CustomerDeviceRow[] = c.devices.map((d) => ({
    id: d.id,
    deviceType: d.device_type,
    deviceTypeLabel: DEVICE_TYPE_LABELS[d.device_type],
    name: deviceName(d),
    imeiSerial: d.imei_serial,
    colour: d.colour,
    jobCount: d.job_count,
    addedAt: formatShopDate(d.created_at),
  }));
  const jobs: CustomerJobRow[] = c.repair_jobs.map((j) => ({
    id: j.id,
    jobNumber: j.job_number,
    status: j.status,
    priority: j.priority,
    device: deviceName(j),
    issue: j.issue,
    createdAt: formatShopTime(j.created_at),
    createdAtIso: j.created_at,
  }));
  const purchases: CustomerPurchaseRow[] = c.purchases.map((p) => ({
    id: p.id,
    number: p.display_id === null ? p.id : `#${p.display_id}`,
    status: p.status.replace(/_/g, " "),
    itemCount: p.item_count,
    total: money(p.total_sen, p.currency_code),
    createdAt: formatShopTime(p.created_at),
    createdAtIso: p.created_at,
  }));
  const notes: CustomerNoteRow[] = c.notes
    .toSorted((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at))
    .map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: formatShopTime(n.created_at), createdAtIso: n.created_at }));
  return {
    customer: {
      ...customerRow(c),
      firstName: c.first_name,
      lastName: c.last_name,
      since: formatShopDate(c.created_at),
    },
    devices,
    jobs,
    purchases,
    notes,
  };
}
