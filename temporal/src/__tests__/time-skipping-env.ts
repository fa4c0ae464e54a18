import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { DefaultLogger, Runtime } from "@temporalio/worker";

/** Where scripts/bootstrap.sh puts the wrapper around Maven Central's temporal-test-server jar. */
export function timeSkippingServerPath(env: NodeJS.ProcessEnv = process.env): string {
  const cacheDir = env.VOLTURA_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "voltura");
  return path.join(cacheDir, "bin", "temporal-test-server");
}

/**
 * A Temporal test server with time skipping: timers of days fire as soon as the workflows are idle.
 * The SDK would download a native build of the test server; this machine may be offline, so it
 * runs the Java build that bootstrap fetched (the SDK starts it as `<path> <port>`).
 */
export async function createTimeSkippingTestEnv(): Promise<TestWorkflowEnvironment> {
  // Worker state changes and workflow info logs drown the test report; keep warnings and errors.
  Runtime.install({ logger: new DefaultLogger("WARN") });
  const executable = timeSkippingServerPath();
  if (!existsSync(executable)) {
    throw new Error(`The Temporal test server is not at ${executable} — run \`scripts/bootstrap.sh\` once (it fetches it)`);
  }
  // The SDK waits only 5 s for the server to listen; on a machine busy with other suites a JVM can
  // take longer, so a failed start is tried again (the SDK stops the server it gave up on).
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: "existing-path", path: executable } } });
    } catch (err) {
      if (attempt >= START_ATTEMPTS || !/did not start within/.test(String(err))) throw err;
    }
  }
}

const START_ATTEMPTS = 3;
