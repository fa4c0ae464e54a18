import type { IntegrityReport } from "./types";

/** The stored summary of a run: per check its verdict and count, with the first few breaches. */
export interface RunSummary {
  checks: Array<{ name: string; title: string; ok: boolean; count: number; error?: string; examples: string[] }>;
}

export function summarizeReport(report: IntegrityReport, examples = 5): RunSummary {
  return {
    checks: report.checks.map((c) => ({
      name: c.name, title: c.title, ok: c.ok, count: c.count, ...(c.error ? { error: c.error } : {}),
      examples: c.breaches.slice(0, examples).map((b) => b.message),
    })),
  };
}

/** The owners' WhatsApp alert: which checks failed, how many problems, one example each. */
export function breachAlertText(summary: RunSummary, shopDay: string): string {
  const failed = summary.checks.filter((c) => !c.ok);
  const lines = failed.map((c) => {
    const what = c.error ?? `${c.count} problem${c.count === 1 ? "" : "s"}${c.examples[0] ? `, e.g. ${c.examples[0]}` : ""}`;
    return `• ${c.title}: ${what}`;
  });
  return [
    `Shop check ${shopDay}: ${failed.length} of ${summary.checks.length} checks found problems.`,
    ...lines,
    "Open Settings → Integrity in the console for the full list.",
  ].join("\n");
}
