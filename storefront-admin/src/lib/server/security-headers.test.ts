import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import config, { CSP_DIRECTIVES } from "../../../svelte.config.js";
import {
  applySecurityHeaders,
  clerkFrontendApiOrigin,
  cspAdditions,
  extendCsp,
  FALLBACK_HTML_CSP,
  SECURITY_HEADERS,
} from "./security-headers";

const clerkKey = (host: string, kind = "live") => `pk_${kind}_${Buffer.from(`${host}$`).toString("base64")}`;

/** The header SvelteKit writes for the configured directives, with its nonce (see kit's csp.js). */
const kitHeader = (nonce = "bm9uY2U=") =>
  Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => {
      const quoted = (values as string[]).map((v) => (/^[a-z-]+$/.test(v) && !v.endsWith(":") ? `'${v}'` : v));
      return [name, ...quoted, ...(name === "script-src" ? [`'nonce-${nonce}'`] : [])].join(" ");
    })
    .join("; ");

function directive(header: string, name: string): string[] {
  const part = header.split(";").map((p) => p.trim()).find((p) => p.startsWith(`${name} `));
  return part ? part.split(/\s+/).slice(1) : [];
}

describe("the console's Content-Security-Policy (kit.csp)", () => {
  it("is on, in auto mode (nonces on rendered pages, hashes on prerendered ones)", () => {
    expect(config.kit?.csp?.mode).toBe("auto");
    expect(config.kit?.csp?.directives).toBe(CSP_DIRECTIVES);
  });

  it("allows scripts from this origin only (SvelteKit's inline bootstrap gets a nonce)", () => {
    expect(CSP_DIRECTIVES["default-src"]).toEqual(["self"]);
    expect(CSP_DIRECTIVES["script-src"]).toEqual(["self"]);
    for (const values of Object.values(CSP_DIRECTIVES) as string[][]) {
      expect(values).not.toContain("unsafe-eval");
      expect(values).not.toContain("*");
    }
    expect(CSP_DIRECTIVES["script-src"]).not.toContain("unsafe-inline");
  });

  it("refuses plugins, foreign base URLs, framing and foreign form targets", () => {
    expect(CSP_DIRECTIVES["object-src"]).toEqual(["none"]);
    expect(CSP_DIRECTIVES["base-uri"]).toEqual(["self"]);
    expect(CSP_DIRECTIVES["frame-ancestors"]).toEqual(["none"]);
    expect(CSP_DIRECTIVES["form-action"]).toEqual(["self"]);
  });

  it("loads images from here, data: and blob: (QR codes, the camera scanner), and talks only to itself", () => {
    expect(CSP_DIRECTIVES["img-src"]).toEqual(["self", "data:", "blob:"]);
    expect(CSP_DIRECTIVES["connect-src"]).toEqual(["self"]);
  });

  it("needs no hash for app.html: it has no inline script", () => {
    const html = readFileSync(path.resolve(import.meta.dirname, "../../app.html"), "utf8");
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});

describe("run-time additions", () => {
  it("adds the photo origins to img-src only", () => {
    const header = extendCsp(kitHeader(), cspAdditions({ photoOrigins: ["http://127.0.0.1:9000", "https://photos.example.com"] }));
    expect(directive(header, "img-src")).toEqual(["'self'", "data:", "blob:", "http://127.0.0.1:9000", "https://photos.example.com"]);
    expect(directive(header, "script-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(directive(header, "connect-src")).toEqual(["'self'"]);
  });

  it("adds Clerk's Frontend API (from the publishable key) and its bot check when Clerk is on", () => {
    const key = clerkKey("clerk.repair.example.my");
    expect(clerkFrontendApiOrigin(key)).toBe("https://clerk.repair.example.my");
    expect(clerkFrontendApiOrigin(clerkKey("happy-cat-12.clerk.accounts.dev", "test"))).toBe("https://happy-cat-12.clerk.accounts.dev");
    const header = extendCsp(kitHeader(), cspAdditions({ photoOrigins: [], clerkPublishableKey: key }));
    expect(directive(header, "script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "https://clerk.repair.example.my", "https://challenges.cloudflare.com"]);
    expect(directive(header, "connect-src")).toEqual(["'self'", "https://clerk.repair.example.my"]);
    expect(directive(header, "frame-src")).toEqual(["'self'", "https://challenges.cloudflare.com"]);
    expect(directive(header, "img-src")).toContain("https://img.clerk.com");
    expect(directive(header, "object-src")).toEqual(["'none'"]);
  });

  it("adds nothing for Clerk when it is off or the key is not a Clerk key", () => {
    expect(cspAdditions({ photoOrigins: [] })).toEqual({ "img-src": [] });
    for (const bad of ["pk_live_", "sk_live_abc", `pk_live_${Buffer.from("evil.example").toString("base64")}`, `pk_live_${Buffer.from("a b$").toString("base64")}`]) {
      expect(clerkFrontendApiOrigin(bad), bad).toBeNull();
    }
  });

  it("starts a missing directive from default-src and drops 'none' once something is allowed", () => {
    expect(extendCsp("default-src 'self'; object-src 'none'", { "frame-src": ["https://a.example"], "object-src": ["https://b.example"] })).toBe(
      "default-src 'self'; object-src https://b.example; frame-src 'self' https://a.example",
    );
  });
});

describe("security headers on responses", () => {
  it("sets nosniff, a referrer policy, no framing and camera for this origin only", () => {
    const headers = new Headers({ "content-type": "text/html", "content-security-policy": kitHeader() });
    applySecurityHeaders(headers, { "img-src": ["http://127.0.0.1:9000"] });
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("permissions-policy")).toMatch(/(^|, )camera=\(self\)/);
    expect(headers.get("permissions-policy")).toMatch(/microphone=\(\)/);
    expect(directive(headers.get("content-security-policy") ?? "", "img-src")).toContain("http://127.0.0.1:9000");
    expect(Object.keys(SECURITY_HEADERS)).toEqual(expect.arrayContaining(["x-content-type-options", "referrer-policy", "permissions-policy"]));
  });

  it("gives HTML that SvelteKit did not render a locked-down policy, and leaves CSV alone", () => {
    const page = new Headers({ "content-type": "text/html; charset=utf-8" });
    applySecurityHeaders(page, {});
    expect(page.get("content-security-policy")).toBe(FALLBACK_HTML_CSP);
    expect(directive(FALLBACK_HTML_CSP, "default-src")).toEqual(["'none'"]);
    const csv = new Headers({ "content-type": "text/csv" });
    applySecurityHeaders(csv, {});
    expect(csv.get("content-security-policy")).toBeNull();
    expect(csv.get("x-content-type-options")).toBe("nosniff");
  });
});
