import type { CrmCustomerSummary, ListCrmCustomersQuery } from "@voltura/contracts";
import type { CommerceClient } from "@voltura/medusa-client";
import { describe, expect, it } from "vitest";
import { EMPTY_CUSTOMER_FILTERS } from "$lib/customer-filters";
import { customerRow, readAllCustomers, readCustomerPage, sortByJobCount } from "./customers-view";
import { commerceWith } from "./test-doubles";

const customer = (i: number, jobs: number): CrmCustomerSummary => ({
  id: `cus_${String(i).padStart(4, "0")}`, name: `Customer ${String(i).padStart(4, "0")}`, first_name: null, last_name: null, email: null,
  phone: "+60123456789", customer_type: "walk_in", tags: [], last_visit_at: null, device_count: 0, job_count: jobs, created_at: "2026-01-01T00:00:00.000Z",
});

/** A commerce client whose list answers from `all`, recording each query. */
function fakeCommerce(all: CrmCustomerSummary[], seen: ListCrmCustomersQuery[] = []): CommerceClient {
  return commerceWith({
    listCrmCustomers: async (q: ListCrmCustomersQuery) => {
      seen.push(q);
      const offset = q.offset ?? 0;
      return { customers: all.slice(offset, offset + (q.limit ?? 50)), count: all.length, limit: q.limit ?? 50, offset };
    },
  });
}

describe("reading customers", () => {
  const all = Array.from({ length: 450 }, (_, i) => customer(i, i % 7));

  it("reads every match in batches of 200 for an export", async () => {
    const seen: ListCrmCustomersQuery[] = [];
    const result = await readAllCustomers(fakeCommerce(all, seen), { ...EMPTY_CUSTOMER_FILTERS, tag: "vip" });
    expect(result.customers).toHaveLength(450);
    expect(result.truncated).toBe(false);
    expect(seen.map((q) => [q.offset, q.limit, q.tag])).toEqual([[0, 200, "vip"], [200, 200, "vip"], [400, 200, "vip"]]);
  });

  it("stops at the cap and says so", async () => {
    const result = await readAllCustomers(fakeCommerce(all), EMPTY_CUSTOMER_FILTERS, 300);
    expect(result.customers).toHaveLength(300);
    expect(result.truncated).toBe(true);
  });

  it("orders a page by number of jobs across all pages, ties by name", async () => {
    const page = await readCustomerPage(fakeCommerce(all), { ...EMPTY_CUSTOMER_FILTERS, sort: "-jobs", page: 1 }, 3);
    expect(page.customers.map((c) => [c.job_count, c.id])).toEqual([[6, "cus_0006"], [6, "cus_0013"], [6, "cus_0020"]]);
    expect(page.count).toBe(450);
    expect(sortByJobCount([customer(2, 1), customer(1, 1), customer(3, 0)], false).map((c) => c.id)).toEqual(["cus_0003", "cus_0001", "cus_0002"]);
  });

  it("asks commerce for one page otherwise", async () => {
    const seen: ListCrmCustomersQuery[] = [];
    const page = await readCustomerPage(fakeCommerce(all, seen), { ...EMPTY_CUSTOMER_FILTERS, sort: "name", page: 3 }, 25);
    expect(seen).toEqual([expect.objectContaining({ order: "name", limit: 25, offset: 50 })]);
    expect(page.customers[0]?.id).toBe("cus_0050");
  });
});

describe("customer rows", () => {
  it("shows the phone in Malaysian format and the last visit as a shop date", () => {
    const row = customerRow({ ...customer(1, 2), last_visit_at: "2026-11-24T17:30:00.000Z", customer_type: "dealer" });
    expect(row).toMatchObject({ phone: "012-345 6789", phoneE164: "+60123456789", typeLabel: "Dealer", lastVisit: "25 Nov 2026", jobCount: 2 });
  });
});
