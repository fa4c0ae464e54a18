/**
 * The names shop setup (and the demo seed) gives the places the shop sells from: the stock location
 * stock is kept at, the sales channel counter sales and repair invoices are orders in, and the region
 * (MYR, SST) they are raised in. Commerce looks them up by these names.
 */
export const SHOP_LOCATION_NAME = "Shop";
export const COUNTER_CHANNEL_NAME = "Counter";
export const SHOP_REGION_NAME = "Malaysia";
export const SHOP_CURRENCY = "myr";
