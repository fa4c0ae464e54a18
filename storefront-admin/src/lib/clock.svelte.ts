import { onMount } from "svelte";

/**
 * One shared ticking clock for the live SLA countdowns. `ticking` stays false during server
 * rendering and hydration, so the first paint shows the server's value; components switch to
 * the live value once mounted.
 */
const clock = $state({ now: Date.now(), ticking: false });
let subscribers = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function useClock(intervalMs = 15_000): { readonly now: number; readonly ticking: boolean } {
  onMount(() => {
    subscribers++;
    clock.now = Date.now();
    clock.ticking = true;
    timer ??= setInterval(() => (clock.now = Date.now()), intervalMs);
    return () => {
      subscribers--;
      if (subscribers === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    };
  });
  return clock;
}
