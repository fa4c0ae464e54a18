// Prefixed, coloured log lines for the launcher scripts.
const colours = { postgres: 34, temporal: 35, commerce: 32, worker: 33, console: 36, test: 37, seed: 32 };

export function log(who, message) {
  const c = colours[who] ?? 37;
  process.stdout.write(`\x1b[${c}m[${who}]\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\x1b[31m✖ ${message}\x1b[0m\n`);
  process.exit(1);
}
