#!/usr/bin/env node
// `npm run setup`: the first-run setup of a shop from the command line — the shop (name, phone,
// address) and its first owner — through the same workflow as the console's /setup page.
//
//   npm run setup -- --shop-name "Kedai Baiki Ali" --shop-phone 03-2141 1234 \
//     --shop-address "12 Jalan Tun Razak, 50400 Kuala Lumpur" --owner-name "Ali Hassan" --owner-email ali@example.my
//
// Every flag may come from the environment instead (SETUP_SHOP_NAME, SETUP_SHOP_PHONE,
// SETUP_SHOP_ADDRESS, SETUP_SHOP_EMAIL, SETUP_OWNER_NAME, SETUP_OWNER_EMAIL, SETUP_OWNER_PASSWORD);
// what is still missing is asked for when a terminal is attached. The password is never taken as
// a flag (it would stay in the shell history): type it when asked, or leave it empty to get a
// one-time password that must be changed at the first sign-in. Runs against DATABASE_URL, or the
// local database of `npm start` when that is unset; migrations are applied first.
import { createInterface } from "node:readline/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { devEnv, repoRoot } from "./lib/env.mjs";
import { fail } from "./lib/log.mjs";
import { run } from "./lib/processes.mjs";
import { ensureDevServices } from "./lib/stack.mjs";

const FIELDS = [
  ["shop-name", "SETUP_SHOP_NAME", "Shop name"],
  ["shop-phone", "SETUP_SHOP_PHONE", "Shop phone (e.g. 03-2141 1234)"],
  ["shop-address", "SETUP_SHOP_ADDRESS", "Shop address"],
  ["shop-email", "SETUP_SHOP_EMAIL", "Shop email (empty: the owner's)"],
  ["owner-name", "SETUP_OWNER_NAME", "Owner's name"],
  ["owner-email", "SETUP_OWNER_EMAIL", "Owner's email"],
];
const OPTIONAL = new Set(["SETUP_SHOP_EMAIL"]);

const { values } = parseArgs({
  options: Object.fromEntries(FIELDS.map(([flag]) => [flag, { type: "string" }])),
  strict: true,
});

const answers = {};
for (const [flag, name] of FIELDS) answers[name] = values[flag] ?? process.env[name] ?? "";
const interactive = process.stdin.isTTY && process.stdout.isTTY;

if (interactive) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  for (const [, name, label] of FIELDS) {
    if (!answers[name]) answers[name] = (await rl.question(`${label}: `)).trim();
  }
  if (!process.env.SETUP_OWNER_PASSWORD) {
    // Typed without echo: readline's output is muted while the password is read.
    const muted = { write: () => true };
    process.stdout.write("Owner's password (at least 10 characters; empty for a one-time password): ");
    const hidden = createInterface({ input: process.stdin, output: muted, terminal: true });
    answers.SETUP_OWNER_PASSWORD = await hidden.question("");
    hidden.close();
    process.stdout.write("\n");
  }
  rl.close();
}

const missing = FIELDS.filter(([, name]) => !OPTIONAL.has(name) && !answers[name]).map(([flag, name]) => `--${flag} (or ${name})`);
if (missing.length) {
  console.error(`setup: missing ${missing.join(", ")}`);
  process.exit(2);
}

const env = { ...(await ensureDevServices(devEnv())), ...answers };
if (!answers.SETUP_OWNER_PASSWORD && process.env.SETUP_OWNER_PASSWORD) env.SETUP_OWNER_PASSWORD = process.env.SETUP_OWNER_PASSWORD;
const commerceDir = path.join(repoRoot, "commerce");
const medusa = path.join(repoRoot, "node_modules", ".bin", "medusa");
try {
  await run("commerce", medusa, ["db:migrate", "--execute-safe-links"], { cwd: commerceDir, env, quiet: true });
  await run("setup", medusa, ["exec", "./src/scripts/setup-shop.ts"], { cwd: commerceDir, env });
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}
