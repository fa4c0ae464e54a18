import type { CustomerType } from "@voltura/domain";
import { m } from "$lib/paraglide/messages.js";

// Getters: each read gives the word in the current locale.
export const CUSTOMER_TYPE_TEXT: Record<CustomerType, string> = {
  get walk_in() { return m.customers_type_walk_in(); },
  get corporate() { return m.customers_type_corporate(); },
  get dealer() { return m.customers_type_dealer(); },
};
