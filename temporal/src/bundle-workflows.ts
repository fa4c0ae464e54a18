// Build step: bundles the workflow code once, so the worker does not run webpack (and keep its
// memory) at every start. `npm run build` writes dist/workflow-bundle.js.
import { writeFile } from "node:fs/promises";
import { bundleWorkflowCode } from "@temporalio/worker";
import { builtWorkflowsPath, workflowBundlePath } from "./worker.js";

const { code } = await bundleWorkflowCode({ workflowsPath: builtWorkflowsPath(), logger: undefined });
await writeFile(workflowBundlePath(), code);
console.log(`[worker] workflow bundle written (${Math.round(code.length / 1024)} KiB)`);
