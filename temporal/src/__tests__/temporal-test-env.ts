import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { TestWorkflowEnvironment } from "@temporalio/testing";
import { DefaultLogger, Runtime } from "@temporalio/worker";
import { connectToTemporal } from "../connection.js";
import { ensureNamespace } from "../namespace.js";

function temporalCliPath(): string {
  const cacheDir = process.env.VOLTURA_CACHE_DIR ?? path.join(os.homedir(), ".cache", "voltura");
  const cli = path.join(cacheDir, "bin", "temporal");
  if (!existsSync(cli)) {
    throw new Error(
      `The Temporal CLI is not at ${cli} — run \`npm start\` once (it installs it), or set TEMPORAL_ADDRESS`,
    );
  }
  return cli;
}

/**
 * The Temporal server for integration tests: the one at TEMPORAL_ADDRESS when the test harness
 * set it (the namespace is created if needed), otherwise a throwaway dev server from the CLI.
 */
export async function createTemporalTestEnv(): Promise<TestWorkflowEnvironment> {
  // Worker state changes and workflow info logs drown the test report; keep warnings and errors.
  Runtime.install({ logger: new DefaultLogger("WARN") });
  const namespace = process.env.TEMPORAL_NAMESPACE || "voltura";
  const address = process.env.TEMPORAL_ADDRESS;
  if (address) {
    const connection = await connectToTemporal(address);
    try {
      await ensureNamespace(connection.workflowService, namespace);
    } finally {
      await connection.close();
    }
    return TestWorkflowEnvironment.createFromExistingServer({ address, namespace });
  }
  return TestWorkflowEnvironment.createLocal({
    server: { namespace, ip: "127.0.0.1", executable: { type: "existing-path", path: temporalCliPath() } },
  });
}
