/** The /jobs list's filters as they appear in the URL. */
export interface JobsFilters {
  q?: string | null;
  status?: string | null;
  priority?: string | null;
  technician?: string | null;
  device?: string | null;
  breached?: boolean;
}

/** The /jobs URL for a page of results, keeping the current search and filters. */
export function jobsHref(filters: JobsFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.priority) params.set("priority", filters.priority);
  if (filters.technician) params.set("technician", filters.technician);
  if (filters.device) params.set("device", filters.device);
  if (filters.breached) params.set("breached", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/jobs?${query}` : "/jobs";
}
