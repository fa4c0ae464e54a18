export * from "./actor.js";
export * from "./staff-route.js";
export * from "./parse.js";
export * from "./route-contract.js";
export * from "./public-route.js";
export * from "./sequence.js";
export * from "./audit.js";
