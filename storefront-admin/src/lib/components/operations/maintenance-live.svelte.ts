/** What the maintenance banner shows: null when maintenance mode is off. */
export interface MaintenanceBannerState {
  since: string | null;
  restoreRunId: string | null;
  reason: string | null;
}

/**
 * A fresher maintenance state than the last page load had, written by the restore run page while it
 * follows a run (maintenance mode turns on and off mid-run, between page loads). `undefined` means
 * "nothing fresher: use the page's data".
 */
export const maintenanceLive = $state<{ value: MaintenanceBannerState | null | undefined }>({ value: undefined });
