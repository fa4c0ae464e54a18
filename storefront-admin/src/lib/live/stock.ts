/**
 * The counter's search results keep their order and the highlighted choice when stock changes
 * elsewhere (a sale at another register, a delivery): only the numbers in them are refreshed.
 */
export function withFreshStock<T extends { variant_id: string; available: number | null }>(shown: readonly T[], fresh: readonly T[]): T[] {
  const byVariant = new Map(fresh.map((item) => [item.variant_id, item.available]));
  return shown.map((item) => (byVariant.has(item.variant_id) ? { ...item, available: byVariant.get(item.variant_id) ?? null } : item));
}
