import adapter from "@sveltejs/adapter-node";
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

/**
 * Content-Security-Policy of every page. SvelteKit adds a nonce (a hash on prerendered pages) for
 * its own inline bootstrap script, so no other inline script runs. Styles allow 'unsafe-inline':
 * Svelte and bits-ui write style attributes. Images: data: and blob: for QR codes and the camera
 * scanner. The hook (src/hooks.server.ts) adds, at run time, the origins known only then: where
 * repair photos are served from and, when Clerk is configured, its Frontend API.
 * @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export const CSP_DIRECTIVES = {
  "default-src": ["self"],
  "script-src": ["self"],
  "style-src": ["self", "unsafe-inline"],
  "img-src": ["self", "data:", "blob:"],
  "font-src": ["self"],
  "connect-src": ["self"],
  "media-src": ["self", "blob:"],
  "worker-src": ["self", "blob:"],
  "object-src": ["none"],
  "base-uri": ["self"],
  "frame-ancestors": ["none"],
  "form-action": ["self"],
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    // `node build/index.js` reads PORT, HOST and ORIGIN (see adapter-node).
    adapter: adapter({ out: "build" }),
    // Form posts are only accepted from our own origin (SvelteKit's default CSRF check).
    csrf: { trustedOrigins: [] },
    csp: { mode: "auto", directives: CSP_DIRECTIVES },
  },
};

export default config;
