import type { CustomerType, DeviceType } from "@voltura/domain";
import { m } from "$lib/paraglide/messages.js";

// Getters: each read gives the word in the current locale.
export const CUSTOMER_TYPE_TEXT: Record<CustomerType, string> = {
  get walk_in() { return m.customers_type_walk_in(); },
  get corporate() { return m.customers_type_corporate(); },
  get dealer() { return m.customers_type_dealer(); },
};

export const DEVICE_TYPE_TEXT: Record<DeviceType, string> = {
  get phone() { return m.customers_device_phone(); },
  get tablet() { return m.customers_device_tablet(); },
  get laptop() { return m.customers_device_laptop(); },
  get console() { return m.customers_device_console(); },
  get other() { return m.customers_device_other(); },
};
