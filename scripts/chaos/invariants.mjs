// Checks every flow shares: the stock ledger and the platform's integrity report, read through the
// API as a manager once the stack is up again.

/** GET /admin/inventory/ledger-check: on-hand == sum(ledger) for every level. */
export async function ledgerInvariant(ctx) {
  const answer = await ctx.call(ctx.actors.manager, "GET", "/admin/inventory/ledger-check");
  if (answer.status !== 200) return { text: `error ${answer.status || answer.error}`, failure: `ledger check answered ${answer.status || answer.error}` };
  const mismatches = answer.json.mismatches?.length ?? 0;
  return answer.json.ok
    ? { text: `ok (${answer.json.levels_checked})` }
    : { text: `${mismatches} off`, failure: `on-hand ≠ ledger for ${mismatches} level(s): ${JSON.stringify(answer.json.mismatches.slice(0, 3))}` };
}

async function readIntegrity(ctx) {
  const answer = await ctx.call(ctx.actors.manager, "GET", "/admin/integrity");
  if (answer.status === 404) return { available: false };
  if (answer.status !== 200) return { available: true, error: `integrity check answered ${answer.status || answer.error}` };
  return { available: true, counts: new Map((answer.json.checks ?? []).map((c) => [c.name, c.ok ? 0 : Number(c.count ?? 1)])), checks: answer.json.checks ?? [] };
}

/** What the integrity report says before a flow runs (the seed may already breach something). */
export async function integrityBaseline(ctx) {
  const report = await readIntegrity(ctx);
  return report.counts ?? new Map();
}

/**
 * GET /admin/integrity ({ ok, checks: [{ name, ok, count, breaches }] }) when the platform has it;
 * "n/a" (not a failure) while it does not, the flow's own SQL checks standing in. A check fails the
 * flow when it has more breaches than in `baseline` (taken before the flow).
 */
export async function integrityInvariant(ctx, baseline = new Map()) {
  const report = await readIntegrity(ctx);
  if (!report.available) return { text: "n/a", available: false };
  if (report.error) return { text: "error", failure: report.error, available: true };
  const grown = report.checks.filter((c) => (report.counts.get(c.name) ?? 0) > (baseline.get(c.name) ?? 0));
  const before = [...baseline.entries()].filter(([, n]) => n > 0).map(([name, n]) => `${name}:${n}`);
  const note = before.length ? ` (before: ${before.join(" ")})` : "";
  if (!grown.length) return { text: `ok (${report.checks.length})${note}`, available: true };
  return {
    text: grown.map((c) => `${c.name}:+${report.counts.get(c.name) - (baseline.get(c.name) ?? 0)}`).join(" "),
    failure: `integrity: ${grown.map((c) => `${c.name} (${c.count}${c.error ? `, ${c.error}` : ""}) ${JSON.stringify(c.breaches ?? []).slice(0, 200)}`).join("; ")}${note}`,
    available: true,
  };
}

/** Polls `probe` (→ number) until it is 0 or `timeoutMs` passes; resolves to the last value. */
export async function settle(probe, timeoutMs, everyMs = 1000) {
  const until = Date.now() + timeoutMs;
  let value = await probe();
  while (value > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, everyMs));
    value = await probe();
  }
  return value;
}
