import type { SearchHit, SearchKind } from "@voltura/contracts";
import type { SqlConnection } from "@voltura/medusa-kit";
import type { CustomerSearchInput } from "./customer-sql";
import type { ItemSearchInput } from "./item-sql";
import { searchCustomers, searchEverything, searchItems, type CustomerRow, type ItemRow } from "./search";

interface Deps {
  __pg_connection__: SqlConnection;
}

/** The search box, the customer list and the counter's item search, over the app's database connection. */
export default class SearchModuleService {
  constructor(private readonly deps: Deps) {}

  async everything(input: { q: string; kinds: readonly SearchKind[]; limit: number }): Promise<SearchHit[]> {
    return searchEverything(this.deps.__pg_connection__, input);
  }

  async customers(input: CustomerSearchInput): Promise<{ rows: CustomerRow[]; count: number; estimated: boolean }> {
    return searchCustomers(this.deps.__pg_connection__, input);
  }

  async items(input: ItemSearchInput): Promise<ItemRow[]> {
    return searchItems(this.deps.__pg_connection__, input);
  }
}
