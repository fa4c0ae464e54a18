export * from "./fake-baileys.js";
export * from "./harnesses.js";
export * from "./fake-graph-api.js";
export * from "./fake-graph-payloads.js";
export * from "./cloud-harness.js";
