/**
 * Response headers of the console. The Content-Security-Policy itself comes from SvelteKit
 * (kit.csp in svelte.config.js, with a nonce for its bootstrap script); this adds the sources
 * known only at run time, and the headers SvelteKit does not set.
 */

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  // The POS and intake scanners use the camera on this origin; nothing else may ask.
  "permissions-policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
};

/** For HTML SvelteKit did not render (the hook's 403 page, fatal error pages): nothing but inline styles. */
export const FALLBACK_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export type CspAdditions = Partial<Record<string, readonly string[]>>;

/** Clerk's Cloudflare Turnstile bot check on the sign-in form. */
const CLERK_CHALLENGES = "https://challenges.cloudflare.com";
const CLERK_IMAGES = "https://img.clerk.com";

/**
 * The Frontend API origin encoded in a Clerk publishable key:
 * pk_(test|live)_ + base64("<host>$"), e.g. https://clerk.repair.example.my.
 */
export function clerkFrontendApiOrigin(publishableKey: string): string | null {
  const match = /^pk_(test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey.trim());
  if (!match?.[2]) return null;
  let decoded: string;
  try {
    decoded = Buffer.from(match[2], "base64").toString("utf8");
  } catch {
    return null;
  }
  const host = decoded.endsWith("$") ? decoded.slice(0, -1) : "";
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(host) ? `https://${host.toLowerCase()}` : null;
}

/** What the run-time settings add to the policy: photo origins, and Clerk when it is on. */
export function cspAdditions(settings: { photoOrigins: readonly string[]; clerkPublishableKey?: string | null }): CspAdditions {
  const additions: Record<string, string[]> = { "img-src": [...new Set(settings.photoOrigins)] };
  const clerk = settings.clerkPublishableKey ? clerkFrontendApiOrigin(settings.clerkPublishableKey) : null;
  if (clerk) {
    additions["script-src"] = [clerk, CLERK_CHALLENGES];
    additions["connect-src"] = [clerk];
    additions["img-src"]!.push(CLERK_IMAGES);
    additions["frame-src"] = ["self", CLERK_CHALLENGES];
  }
  return additions;
}

const KEYWORDS = new Set(["self", "none", "unsafe-inline", "unsafe-eval", "strict-dynamic", "unsafe-hashes", "report-sample", "wasm-unsafe-eval"]);
const asSource = (value: string) => (KEYWORDS.has(value) ? `'${value}'` : value);

/**
 * Adds sources to directives of a policy header. A directive that is absent starts from
 * default-src, as the browser would have read it; 'none' is dropped once something is allowed.
 */
export function extendCsp(header: string, additions: CspAdditions): string {
  const directives = new Map<string, string[]>();
  for (const part of header.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  for (const [name, extra] of Object.entries(additions)) {
    if (!extra?.length) continue;
    const current = directives.get(name) ?? [...(directives.get("default-src") ?? [])];
    const merged = [...current.filter((v) => v !== "'none'")];
    for (const source of extra.map(asSource)) if (!merged.includes(source)) merged.push(source);
    directives.set(name, merged);
  }
  return [...directives].map(([name, values]) => [name, ...values].join(" ")).join("; ");
}

/** Sets the security headers on a response (the CSP extended, or the fallback for other HTML). */
export function applySecurityHeaders(headers: Headers, additions: CspAdditions): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
  const csp = headers.get("content-security-policy");
  if (csp) headers.set("content-security-policy", extendCsp(csp, additions));
  else if (headers.get("content-type")?.startsWith("text/html")) headers.set("content-security-policy", FALLBACK_HTML_CSP);
}
