export * from "./phone.js";
export * from "./roles.js";
export * from "./repair-status.js";
export * from "./job-number.js";
export * from "./money.js";
export * from "./time.js";
export * from "./temporal-contract.js";
export * from "./shop-settings.js";
