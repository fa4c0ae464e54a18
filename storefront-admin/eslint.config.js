// The console's lint config: the repo's shared rules, plus eslint-plugin-svelte for .svelte files.
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import tseslint from "typescript-eslint";
import rootConfig from "../eslint.config.js";
import svelteConfig from "./svelte.config.js";

export default tseslint.config(
  // Compiled from messages/ by Paraglide (npm run i18n).
  { ignores: ["src/lib/paraglide/**"] },
  ...rootConfig,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts", "**/*.svelte.js"],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: [".svelte"],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      // We link with plain hrefs on purpose (no base path is configured).
      "svelte/no-navigation-without-resolve": "off",
    },
  },
);
