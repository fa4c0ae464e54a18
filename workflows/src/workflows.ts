// The module the worker bundles: every workflow function, and nothing else.
export * from "./repair-job-lifecycle.js";
