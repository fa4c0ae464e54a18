// Command line of `npm run seed:scale`: --scale <factor> (default 1: five years of a busy shop),
// --until <YYYY-MM-DD> (the day the history ends; default today, UTC), --check (the integrity check
// afterwards), --check-only (only the check).
const USAGE = "usage: npm run seed:scale -- [--scale 0.1] [--until 2026-12-01] [--check | --check-only]";

export function readOptions(argv, today = new Date()) {
  const opts = { scale: 1, until: today.toISOString().slice(0, 10), check: false, checkOnly: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--check") { opts.check = true; continue; }
    if (argv[i] === "--check-only") { opts.checkOnly = true; continue; }
    const [flag, inline] = argv[i].split("=", 2);
    const value = inline ?? argv[++i];
    if (flag === "--scale") opts.scale = Number(value);
    else if (flag === "--until") opts.until = value;
    else throw new Error(`unknown option ${argv[i]} — ${USAGE}`);
  }
  if (!Number.isFinite(opts.scale) || opts.scale <= 0 || opts.scale > 10) throw new Error(`--scale must be a number in (0, 10] — ${USAGE}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.until ?? "") || Number.isNaN(Date.parse(opts.until))) throw new Error(`--until must be YYYY-MM-DD — ${USAGE}`);
  return opts;
}

/** Row counts at a scale (at least a handful of each, so tiny scales still cover every table). */
export function sizes(scale) {
  const at = (full, min) => Math.max(min, Math.round(full * scale));
  return {
    customers: at(100_000, 50),
    jobs: at(200_000, 100),
    openJobs: at(300, 10),
    messages: at(1_000_000, 6_000),
    bigChat: 5_000,
    contacts: at(30_000, 20),
    sales: at(300_000, 100),
    purchaseLines: at(50_000, 50),
    campaigns: at(48, 3),
    campaignRecipients: at(1_000_000, 300),
    bigCampaign: at(50_000, 100),
  };
}
