/** The query's set values as URL parameters (undefined, null and "" left out), without the `?`. */
export function queryParams(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  return params.toString();
}

/** `?<params>`, or "" when no value is set. */
export function querySuffix(query: Record<string, unknown>): string {
  const s = queryParams(query);
  return s ? `?${s}` : "";
}
