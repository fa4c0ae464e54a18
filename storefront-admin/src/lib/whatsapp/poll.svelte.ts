import { invalidateAll } from "$app/navigation";

/**
 * Re-runs the page's load every `ms` while `active()` is true and the tab is visible, so live
 * state (a QR code, new chat messages, delivery ticks) shows up without a reload.
 */
export function pollWhile(active: () => boolean, ms = 2_000): void {
  $effect(() => {
    if (!active()) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void invalidateAll();
    }, ms);
    return () => clearInterval(timer);
  });
}
