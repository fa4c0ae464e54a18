import { appendRunLog } from "./run-record.js";
import type { RunContext } from "./state.js";
import type { RestoreLogLine, RestoreStep } from "./types.js";

export type LogSink = (line: RestoreLogLine) => void;

/**
 * One line in `operations_restore_run.log` of the live database (the console polls it). With no table or no row
 * (the CLI on a very old database) the line goes to stdout unless the caller prints it.
 */
export async function logLine(ctx: RunContext, step: RestoreStep, level: "info" | "error", message: string, sink?: LogSink): Promise<void> {
  const line: RestoreLogLine = { at: new Date().toISOString(), step, level, message };
  sink?.(line);
  const written = await appendRunLog(ctx.liveUrl, ctx.req.runId, line).catch(() => false);
  if (!written && !sink) console.log(`[restore ${ctx.req.runId}] ${step} ${level}: ${message}`);
}
