// Runs commands and long-lived app processes with prefixed output, and stops them together.
import { spawn } from "node:child_process";
import { log, fail } from "./log.mjs";

const children = new Set();
let stopping = false;
let unexpectedExit = (message) => fail(message);

/** What to do when an app process dies while the stack is up (default: stop everything, exit 1). */
export function onUnexpectedExit(handler) {
  unexpectedExit = handler;
}

function pipeWithPrefix(stream, who, sink) {
  let buffer = "";
  stream.on("data", (chunk) => {
    buffer += chunk.toString();
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) sink(who, line);
  });
}

/** Runs a command to completion; resolves with its exit code (or rejects with `mustSucceed`). */
export function run(who, cmd, args, { cwd, env, mustSucceed = true, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    if (quiet) {
      child.stdout.on("data", (d) => (output += d));
      child.stderr.on("data", (d) => (output += d));
    }
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0 && mustSucceed) {
        if (quiet) process.stderr.write(output);
        reject(new Error(`${who}: \`${cmd} ${args.join(" ")}\` exited with ${code}`));
      } else resolve(code ?? 1);
    });
  });
}

/** Runs a command to its end with its output kept (not printed): resolves to its exit code and output. */
export function runCaptured(cmd, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Starts a long-lived process. If it dies while the stack is up, everything stops. */
export function startProcess(who, cmd, args, { cwd, env, logFile } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  children.add(child);
  const sink = logFile ? (w, line) => logFile.write(`[${w}] ${line}\n`) : (w, line) => log(w, line);
  pipeWithPrefix(child.stdout, who, sink);
  pipeWithPrefix(child.stderr, who, sink);
  child.on("exit", (code, signal) => {
    children.delete(child);
    if (!stopping) {
      stopAll();
      unexpectedExit(`${who} stopped unexpectedly (${signal ?? `exit ${code}`})${logFile ? ` — see ${logFile.path}` : ""}`);
    }
  });
  return child;
}

export function stopAll() {
  stopping = true;
  setTimeout(() => (stopping = false), 3000).unref();
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

/** Stops every app process and waits for them; whatever still runs after `graceMs` is killed. */
export async function stopAllAndWait(graceMs = 10_000) {
  const running = [...children];
  stopAll();
  const deadline = Date.now() + graceMs;
  while (running.some((c) => c.exitCode === null && c.signalCode === null) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
}

export async function waitForHttp(url, what, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  stopAll();
  throw new Error(`${what} did not answer ${url} within ${timeoutMs / 1000}s`);
}

export function onShutdown(handler) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopAll();
      handler?.();
      process.exit(0);
    });
  }
}
