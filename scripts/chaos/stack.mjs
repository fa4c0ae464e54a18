// The processes a chaos run kills and restarts: commerce (`medusa start`) and the Temporal worker.
// Unlike lib/apps.mjs#startApps (where a dying app stops everything), a death here is the point:
// each process runs in its own process group, is killed with SIGKILL as a group and started again.
// The stack keeps when each process was down, so the clients can tell "5xx while up" from
// "connection refused while down" and give up on a key only after enough time up.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../lib/env.mjs";

const bin = (name) => path.join(repoRoot, "node_modules", ".bin", name);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function definitions(env) {
  return {
    commerce: {
      cmd: bin("medusa"), args: ["start"], cwd: path.join(repoRoot, "commerce"),
      env: { ...env, PORT: env.MEDUSA_PORT, HOST: "127.0.0.1" },
      health: `${env.MEDUSA_URL}/health`,
    },
    worker: {
      cmd: process.execPath, args: [path.join(repoRoot, "temporal", "dist", "main.js")], cwd: repoRoot, env,
      health: `http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health`,
    },
  };
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

export class ChaosStack {
  constructor(env, { logDir, startTimeoutMs = 240_000 }) {
    this.defs = definitions(env);
    this.logDir = logDir;
    this.startTimeoutMs = startTimeoutMs;
    this.procs = new Map();
    /** name → [{ from, to }] times when the process was not serving (to null while still down). */
    this.downtimes = new Map();
    mkdirSync(logDir, { recursive: true });
  }

  isUp(name) {
    const p = this.procs.get(name);
    return !!p && p.ready && p.child.exitCode === null && p.child.signalCode === null;
  }

  /** Milliseconds `name` was down between `since` and now. */
  downMsSince(name, since) {
    const now = Date.now();
    return (this.downtimes.get(name) ?? []).reduce((sum, d) => sum + Math.max(0, Math.min(d.to ?? now, now) - Math.max(d.from, since)), 0);
  }

  async start(name) {
    const def = this.defs[name];
    // Whatever answers now is not ours (a leftover run): its answers would hide our crashes.
    if (await answers(def.health)) throw new Error(`something already answers ${def.health}; stop it first`);
    const logPath = path.join(this.logDir, `${name}.log`);
    const fd = openSync(logPath, "a");
    writeSync(fd, `\n===== ${new Date().toISOString()} chaos: starting ${name} =====\n`);
    const child = spawn(def.cmd, def.args, { cwd: def.cwd, env: { ...process.env, ...def.env }, stdio: ["ignore", fd, fd], detached: true });
    closeSync(fd);
    const proc = { child, ready: false };
    this.procs.set(name, proc);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    proc.exited = exited;
    const until = Date.now() + this.startTimeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (await answers(def.health)) {
        proc.ready = true;
        const open = (this.downtimes.get(name) ?? []).find((d) => d.to === null);
        if (open) open.to = Date.now();
        return;
      }
      await sleep(300);
    }
    throw new Error(`${name} did not answer ${def.health} within ${this.startTimeoutMs / 1000}s (exit ${child.exitCode ?? child.signalCode ?? "-"}); see ${logPath}`);
  }

  /** SIGKILL to the whole process group (medusa's children included), then wait for the exit. */
  async kill(name) {
    const proc = this.procs.get(name);
    if (!proc) return;
    const list = this.downtimes.get(name) ?? [];
    list.push({ from: Date.now(), to: null });
    this.downtimes.set(name, list);
    proc.ready = false;
    try {
      process.kill(-proc.child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    await proc.exited;
  }

  /** Kills, stays down for `downMs`, starts again and waits until it answers its health check. */
  async crash(name, downMs) {
    await this.kill(name);
    await sleep(downMs);
    await this.start(name);
  }

  /** Stops every process (SIGTERM, then SIGKILL after the grace period). */
  async stop(graceMs = 10_000) {
    const running = [...this.procs.values()].filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    for (const p of running) {
      try {
        process.kill(-p.child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    await Promise.race([Promise.all(running.map((p) => p.exited)), sleep(graceMs)]);
    for (const p of running) {
      if (p.child.exitCode !== null || p.child.signalCode !== null) continue;
      try {
        process.kill(-p.child.pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }
}
