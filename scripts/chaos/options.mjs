// `npm run chaos [-- options]`; each option also reads from the environment (CHAOS_*).
//   --flows a,b          flows to run (default: all)            CHAOS_FLOWS
//   --tills N            concurrent clients per flow (10)        CHAOS_TILLS
//   --sales N            operations per client (50)              CHAOS_SALES
//   --kills N            SIGKILLs per flow (5)                   CHAOS_KILLS
//   --seed N             replays the same choices (random)       CHAOS_SEED
//   --give-up-seconds N  a key without a definite answer after N s of server uptime is unanswered (60)
//   --settle-seconds N   time recovery gets to finish open claims after the clients (120)
//   --skip-build         use the current build output            CHAOS_SKIP_BUILD=1
//   --short              1 till × 20 sales, 1 kill (for npm test); explicit options still win
import { parseArgs } from "node:util";

const NUMBERS = { tills: 10, sales: 50, kills: 5, "give-up-seconds": 60, "settle-seconds": 120 };
const SHORT = { tills: 1, sales: 20, kills: 1 };

function envName(option) {
  return `CHAOS_${option.replace(/-/g, "_").toUpperCase()}`;
}

export function readOptions(argv, env, flowNames) {
  const { values } = parseArgs({
    args: argv,
    options: {
      flows: { type: "string" }, seed: { type: "string" }, short: { type: "boolean" }, "skip-build": { type: "boolean" },
      ...Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: "string" }])),
    },
    strict: true,
  });
  const short = values.short ?? env.CHAOS_SHORT === "1";
  const number = (name) => {
    const raw = values[name] ?? env[envName(name)];
    const value = raw === undefined ? (short && name in SHORT ? SHORT[name] : NUMBERS[name]) : Number(raw);
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
    return value;
  };
  const flows = (values.flows ?? env.CHAOS_FLOWS ?? flowNames.join(",")).split(",").map((f) => f.trim()).filter(Boolean);
  const unknown = flows.filter((f) => !flowNames.includes(f));
  if (unknown.length) throw new Error(`unknown flow(s) ${unknown.join(", ")}; known: ${flowNames.join(", ")}`);
  const seedRaw = values.seed ?? env.CHAOS_SEED;
  const seed = seedRaw === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedRaw);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${seedRaw}`);
  const tills = number("tills");
  const sales = number("sales");
  if (tills < 1 || sales < 1) throw new Error("--tills and --sales must be at least 1");
  return {
    flows, seed, short, tills, sales, kills: number("kills"),
    giveUpSeconds: number("give-up-seconds"), settleSeconds: number("settle-seconds"),
    skipBuild: values["skip-build"] ?? env.CHAOS_SKIP_BUILD === "1",
  };
}
