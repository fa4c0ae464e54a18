import type { SubmitFunction } from "@sveltejs/kit";

/** What a workspace action answered, as a card reads it (only the card whose section it is). */
export interface SectionResult {
  section: string;
  success?: string;
  error?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  target?: string;
}

export function resultFor(form: unknown, section: string): SectionResult | null {
  const r = form as SectionResult | null | undefined;
  return r && r.section === section ? r : null;
}

/**
 * use:enhance for a workspace form: marks it busy while posting, then updates the page.
 * `reset: false` keeps what was typed (edit forms); add-forms reset after a success.
 */
export function busyEnhance(setBusy: (busy: boolean) => void, opts: { reset?: boolean } = {}): SubmitFunction {
  return () => {
    setBusy(true);
    return async ({ update }) => {
      await update({ reset: opts.reset ?? true });
      setBusy(false);
    };
  };
}
