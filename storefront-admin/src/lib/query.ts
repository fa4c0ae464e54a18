/** The /jobs URL for a page of results, keeping the current search and status filter. */
export function jobsHref(filters: { q?: string | null; status?: string | null }, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/jobs?${query}` : "/jobs";
}
