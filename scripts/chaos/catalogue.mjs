// The seeded catalogue as the cashier's till sees it: the flows look their items up by SKU.

/** The till's catalogue entry for `sku`, or undefined when the seed has none. */
export async function catalogueItem(ctx, sku) {
  const answer = await ctx.call(ctx.actors.cashier, "GET", `/admin/pos/catalogue?code=${encodeURIComponent(sku)}&limit=1`);
  return answer.json?.items?.find((i) => i.sku === sku);
}

/** The entry for `sku`, which must have a price above zero. */
export async function pricedCatalogueItem(ctx, sku) {
  const item = await catalogueItem(ctx, sku);
  if (!item || !(item.price_sen > 0)) throw new Error(`the seeded catalogue has no priced ${sku}`);
  return item;
}
