export * from "./fake-baileys.js";
export * from "./harnesses.js";
