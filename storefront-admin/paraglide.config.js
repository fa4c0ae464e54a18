/**
 * One set of Paraglide compiler options for the vite plugin (dev, build, vitest) and the
 * `compile-messages` script (run before svelte-check, so a clean checkout typechecks).
 * The locale lives in the `vsh_locale` cookie (set at sign-in from the staff member's saved
 * choice and by the BM/EN switch); without it the console speaks English.
 * @type {import("@inlang/paraglide-js").CompilerOptions}
 */
export const paraglideOptions = {
  project: "./project.inlang",
  outdir: "./src/lib/paraglide",
  strategy: ["cookie", "baseLocale"],
  cookieName: "vsh_locale",
  emitTsDeclarations: false,
  emitReadme: false,
};
