export * from "./activities/index.js";
export * from "./config.js";
export * from "./connection.js";
export * from "./health.js";
export * from "./namespace.js";
export * from "./worker.js";
export * from "./integrity-schedule.js";
