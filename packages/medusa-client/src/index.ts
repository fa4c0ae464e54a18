export * from "./token.js";
export * from "./client.js";
export * from "./repair-jobs.js";
export * from "./crm.js";
export * from "./billing.js";
export * from "./repair-desk.js";
