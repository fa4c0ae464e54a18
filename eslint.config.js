// One lint config for every workspace. Svelte files get eslint-plugin-svelte on top.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    // Build output and generated files. `medusa plugin:build` writes src/admin/__admin-extensions__.js
    // for a moment while it bundles: lint must not depend on whether a build is running.
    ignores: [
      "**/node_modules/**", "**/dist/**", "**/.medusa/**", "**/.svelte-kit/**", "**/build/**",
      "**/migrations/**", "**/*.d.ts", "**/coverage/**", "**/test-results/**", "**/playwright-report/**",
      "**/.turbo/**", "**/__admin-extensions__.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "off",
      "no-console": "off",
    },
  },
);
