import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

export const DEFAULT_MIGRATE_COMMAND = "npx medusa db:migrate --execute-safe-links";

/** `commerce/` of the checkout the process runs in (the worker's and the CLI's working directory is inside it). */
function commerceDir(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, "medusa-config.ts")) || existsSync(path.join(dir, "medusa-config.js"))) return dir;
    const child = path.join(dir, "commerce");
    if (existsSync(path.join(child, "medusa-config.ts")) || existsSync(path.join(child, "medusa-config.js"))) return child;
    const parent = path.dirname(dir);
    if (parent === dir) return from;
    dir = parent;
  }
}

/**
 * Brings a restored database up to this app's migrations: `VOLTURA_MIGRATE_COMMAND` (default
 * `npx medusa db:migrate --execute-safe-links`) in `VOLTURA_MIGRATE_CWD` (default: the checkout's `commerce/`),
 * with `DATABASE_URL` naming the restored database. Rejects with the command's last output lines.
 */
export function runMigrateCommand(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const command = env.VOLTURA_MIGRATE_COMMAND?.trim() || DEFAULT_MIGRATE_COMMAND;
  const cwd = env.VOLTURA_MIGRATE_CWD?.trim() || commerceDir();
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], { cwd, env: { ...env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => { output = (output + chunk.toString("utf8")).slice(-8000); };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => child.kill("SIGTERM"), 30 * 60_000);
    child.on("error", (error) => { clearTimeout(timer); reject(error); });
    child.on("close", (code) => {
      clearTimeout(timer);
      const tail = output.trim().split("\n").slice(-6).join(" | ");
      if (code === 0) resolve(tail);
      else reject(new Error(`the migration command "${command}" failed (exit ${code ?? "signal"}): ${tail || "no output"}`));
    });
  });
}
