export * from "./sen.js";
export * from "./cash-rounding.js";
export * from "./discount-approval.js";
export * from "./cart.js";
export * from "./payments.js";
export * from "./stock-ledger.js";
export * from "./numbering.js";
export * from "./keystrokes.js";
