import { describe, expect, it } from "vitest";
import {
  customerFiltersToParams,
  customerListQuery,
  customersExportHref,
  customersHref,
  EMPTY_CUSTOMER_FILTERS,
  nextSort,
  parseCustomerFilters,
  parseIsoDay,
  type CustomerFilters,
} from "./customer-filters";

const parse = (query: string) => parseCustomerFilters(new URLSearchParams(query));

describe("customer filters ↔ URL", () => {
  it("round-trips every filter through the query string", () => {
    const filters: CustomerFilters = {
      q: "012-345 6789",
      type: "corporate",
      tag: "vip client",
      device: "laptop",
      visitedFrom: "2026-01-01",
      visitedTo: "2026-06-30",
      sort: "-jobs",
      page: 3,
    };
    const params = customerFiltersToParams(filters);
    expect(params.toString()).toBe(
      "q=012-345+6789&type=corporate&tag=vip+client&device=laptop&visited_from=2026-01-01&visited_to=2026-06-30&sort=-jobs&page=3",
    );
    expect(parseCustomerFilters(params)).toEqual(filters);
  });

  it("leaves defaults out, so the plain list is just /customers", () => {
    expect(customerFiltersToParams(EMPTY_CUSTOMER_FILTERS).toString()).toBe("");
    expect(customersHref(EMPTY_CUSTOMER_FILTERS)).toBe("/customers");
    expect(parse("")).toEqual(EMPTY_CUSTOMER_FILTERS);
  });

  it("ignores values it does not know instead of failing", () => {
    expect(parse("type=vip&device=toaster&sort=phone&page=-2&visited_from=2026-02-30&visited_to=yesterday")).toEqual(EMPTY_CUSTOMER_FILTERS);
    expect(parse("page=abc").page).toBe(1);
    expect(parse("tag=a,b").tag).toBeNull();
  });

  it("normalises what people type: spaces in the search, tag case, a reversed date range", () => {
    const f = parse("q=%20%20Aisyah%20%20%20Rahman%20&tag=%20VIP%20&visited_from=2026-06-30&visited_to=2026-01-01");
    expect(f.q).toBe("Aisyah Rahman");
    expect(f.tag).toBe("vip");
    expect([f.visitedFrom, f.visitedTo]).toEqual(["2026-01-01", "2026-06-30"]);
  });

  it("goes back to page 1 when a filter or the order changes, but not when paging", () => {
    const onPage4 = { ...EMPTY_CUSTOMER_FILTERS, q: "tan", page: 4 };
    expect(customersHref(onPage4, { type: "dealer" })).toBe("/customers?q=tan&type=dealer");
    expect(customersHref(onPage4, { sort: "name" })).toBe("/customers?q=tan&sort=name");
    expect(customersHref(onPage4, { page: 5 })).toBe("/customers?q=tan&page=5");
  });

  it("exports the current filter and order, never a page", () => {
    expect(customersExportHref({ ...EMPTY_CUSTOMER_FILTERS, tag: "vip", sort: "name", page: 7 })).toBe("/customers/export?tag=vip&sort=name");
  });
});

describe("sorting by column header", () => {
  it("flips the direction of the current column and starts another in its natural order", () => {
    expect(nextSort("name", "name")).toBe("-name");
    expect(nextSort("-name", "name")).toBe("name");
    expect(nextSort("name", "jobs")).toBe("-jobs");
    expect(nextSort("-jobs", "last_visit")).toBe("-last_visit");
    expect(nextSort("-last_visit", "name")).toBe("name");
  });
});

describe("the commerce query", () => {
  it("turns shop days into an exclusive UTC range covering them whole (Kuala Lumpur is UTC+8)", () => {
    const q = customerListQuery({ ...EMPTY_CUSTOMER_FILTERS, visitedFrom: "2026-11-01", visitedTo: "2026-11-30" }, { limit: 25, offset: 50 });
    expect(q.last_visit_after).toBe("2026-10-31T15:59:59.999Z");
    expect(q.last_visit_before).toBe("2026-11-30T16:00:00.000Z");
    expect(q).toMatchObject({ limit: 25, offset: 50, order: "-last_visit_at" });
  });

  it("passes the search, type, tag and device on and maps the order", () => {
    const q = customerListQuery({ ...EMPTY_CUSTOMER_FILTERS, q: "0123456789", type: "walk_in", tag: "vip", device: "phone", sort: "-name" }, { limit: 10, offset: 0 });
    expect(q).toEqual({
      q: "0123456789", type: "walk_in", tag: "vip", device_type: "phone", last_visit_after: undefined, last_visit_before: undefined,
      order: "-name", limit: 10, offset: 0,
    });
  });

  it("leaves the order to the console when sorting by number of jobs (commerce cannot)", () => {
    expect(customerListQuery({ ...EMPTY_CUSTOMER_FILTERS, sort: "jobs" }, { limit: 10, offset: 0 }).order).toBeUndefined();
  });

  it("knows real calendar days", () => {
    expect(parseIsoDay("2028-02-29")).toBe("2028-02-29");
    expect(parseIsoDay("2026-02-29")).toBeNull();
  });
});
