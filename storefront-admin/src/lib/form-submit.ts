import type { SubmitFunction } from "@sveltejs/kit";
import { tick } from "svelte";

/**
 * A form's enhance handler: marks it busy while it posts, applies the answer (keeping what was typed
 * unless `reset`), then moves the focus to the first field marked invalid inside `scope` (a CSS selector).
 */
export function submitThenFocusInvalid(scope: string, busy: (on: boolean) => void, { reset = false }: { reset?: boolean } = {}): SubmitFunction {
  return () => {
    busy(true);
    return async ({ update }) => {
      await update({ reset });
      busy(false);
      await tick();
      document.querySelector<HTMLElement>(`${scope} [aria-invalid="true"]`)?.focus();
    };
  };
}
