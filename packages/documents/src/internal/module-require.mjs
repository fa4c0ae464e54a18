// Plain ESM on purpose: both builds load this file (the CJS build through Node's require(esm)), so the
// package can resolve the font files it bundles no matter which entry point a caller used.
import { createRequire } from "node:module";

export const moduleRequire = createRequire(import.meta.url);
