import { normaliseTag, normaliseTags, toSafeCsv } from "@voltura/domain";
import { CampaignsApi, type CommerceClient } from "@voltura/medusa-client";
import { m } from "$lib/paraglide/messages.js";
import { commerceProblem } from "./commerce";

/** At most one page of the customer list in one bulk action. */
export const CUSTOMER_BULK_MAX = 100;

/** The bulk bar's selection: valid ids, each once. */
export function selectedCustomerIds(data: FormData): string[] {
  const ids = data.getAll("ids").map(String).filter((id) => /^[\w-]{1,100}$/.test(id));
  return [...new Set(ids)].slice(0, CUSTOMER_BULK_MAX);
}

export interface CustomerBulkResult {
  done: number;
  failed: Array<{ id: string; name: string | null; message: string }>;
}

/**
 * Adds one tag to each customer through the customer's own update (the CRM's rules, audit and
 * events): the customer is read first so the tags sent are theirs plus the new one.
 */
export async function tagCustomers(commerce: CommerceClient, ids: string[], rawTag: string): Promise<CustomerBulkResult> {
  const tag = normaliseTag(rawTag);
  const result: CustomerBulkResult = { done: 0, failed: [] };
  for (const id of ids) {
    let name: string | null = null;
    try {
      const customer = await commerce.getCrmCustomer(id);
      name = customer.name;
      if (!customer.tags.includes(tag)) await commerce.updateCrmCustomer(id, { tags: normaliseTags([...customer.tags, tag]) });
      result.done += 1;
    } catch (err) {
      result.failed.push({ id, name, message: commerceProblem(err).message });
    }
  }
  return result;
}

/**
 * Adds the customers to a campaign's recipient list (appended; the planner's CSV import does the
 * checks: phone format, duplicates already listed, a frozen campaign). Phones are read from the
 * customers, never taken from the form.
 */
export async function addCustomersToAudience(commerce: CommerceClient, ids: string[], campaignId: string) {
  const rows: string[][] = [];
  const missing: CustomerBulkResult["failed"] = [];
  for (const id of ids) {
    try {
      const customer = await commerce.getCrmCustomer(id);
      if (customer.phone) rows.push([customer.phone, customer.name]);
      else missing.push({ id, name: customer.name, message: m.table_customers_no_phone() });
    } catch (err) {
      missing.push({ id, name: null, message: commerceProblem(err).message });
    }
  }
  if (!rows.length) return { imported: null, missing };
  const imported = await new CampaignsApi(commerce).importAudience(campaignId, { csv: toSafeCsv(["phone", "name"], rows), append: true });
  return { imported, missing };
}
