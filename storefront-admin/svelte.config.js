import adapter from "@sveltejs/adapter-node";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // `node build/index.js` reads PORT, HOST and ORIGIN (see adapter-node).
    adapter: adapter({ out: "build" }),
    // Form posts are only accepted from our own origin (SvelteKit's default CSRF check).
    csrf: { trustedOrigins: [] },
  },
};

export default config;
