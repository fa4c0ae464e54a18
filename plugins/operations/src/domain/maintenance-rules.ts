/** What maintenance mode refuses: every write to the staff and public API, except what keeps the shop in control. */

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Paths that stay writable while maintenance mode is on: the operations routes themselves (the worker reports the
 * restore's progress, owners turn things back on), the staff sign-in check, and the audit events the console sends
 * at sign-in.
 */
const ALWAYS_OPEN = [/^\/admin\/operations(\/|$)/, /^\/admin\/staff\/credentials(\/|$)/, /^\/admin\/audit\/events\/?$/];

/** The path of a request URL without its query string, trailing slash and duplicate slashes. */
export function requestPath(url: string): string {
  const path = (url.split("?")[0] ?? "").replace(/\/{2,}/g, "/");
  return path.length > 1 ? path.replace(/\/$/, "") : path;
}

/** True when maintenance mode refuses this request (503 maintenance_mode). Reads (GET, HEAD, OPTIONS) always pass. */
export function refusedInMaintenance(method: string, url: string): boolean {
  if (!WRITE_METHODS.has(method.toUpperCase())) return false;
  const path = requestPath(url).toLowerCase();
  if (!/^\/(admin|public)(\/|$)/.test(path)) return false;
  return !ALWAYS_OPEN.some((open) => open.test(path));
}

/** The refusal's text, as the console shows it. */
export function maintenanceMessage(reason: string | null): string {
  const why = reason?.trim() ? ` (${reason.trim()})` : "";
  return `The shop is in maintenance mode${why}: changes are paused until it ends. Reading still works.`;
}

/** How long a read of the maintenance row is trusted. */
export const MAINTENANCE_CACHE_MS = 2_000;
