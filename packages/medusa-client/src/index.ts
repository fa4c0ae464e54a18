export * from "./token.js";
export * from "./client.js";
export * from "./repair-jobs.js";
