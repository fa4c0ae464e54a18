import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./route-access";

const ORIGIN = "https://repair.voltura.test";

/** What a browser does with the Location header: resolve it against the page's URL. */
const followedOrigin = (location: string) => new URL(location, `${ORIGIN}/login`).origin;

describe("safeRedirectTarget: where sign-in sends you next", () => {
  it.each([
    ["/jobs?status=pending", "/jobs?status=pending"],
    ["/customers?q=Siti%20Aminah&page=2", "/customers?q=Siti%20Aminah&page=2"],
    ["/jobs/rj_01?tab=billing#lines", "/jobs/rj_01?tab=billing#lines"],
    ["/customers?q=100%25", "/customers?q=100%25"],
    ["/inventory/../jobs", "/jobs"],
    ["/", "/"],
  ])("follows the same-site path %j", (value, expected) => {
    expect(safeRedirectTarget(value)).toBe(expected);
  });

  // Each payload comes as the decoded query value (what url.searchParams.get gives the login page).
  it.each([
    ["tab then slash (the reported /%09/evil.example)", decodeURIComponent("/%09/evil.example")],
    ["still-encoded tab", "/%09/evil.example"],
    ["backslash", "/\\evil.example"],
    ["double backslash", "\\\\evil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["protocol-relative", "//evil.example"],
    ["triple slash", "///evil.example"],
    ["encoded slashes", "/%2F%2Fevil.example"],
    ["double-encoded slashes", "/%252F%252Fevil.example"],
    ["dot-dot to a double slash", "/..//evil.example"],
    ["dot-dot with encoded slash", "/.%2E//evil.example"],
    ["absolute https", "https://evil.example"],
    ["absolute with path", "https://evil.example/jobs"],
    ["scheme-relative with credentials", "//user@evil.example"],
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: behind a slash-less path", "javascript://%0Aalert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["leading tab", "\t//evil.example"],
    ["leading space", " //evil.example"],
    ["newline inside", "/\n/evil.example"],
    ["carriage return inside", "/\r/evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["C1 control", "/\u0085/evil.example"],
    ["relative path", "jobs"],
    ["empty", ""],
    ["the sign-in page (loop)", "/login"],
    ["the sign-in page with a query", "/login?redirectTo=/jobs"],
    ["the sign-in page in capitals", "/LOGIN"],
    ["the sign-in page encoded", "/%6Cogin"],
    ["the sign-in page via dot-dot", "/jobs/../login"],
    ["sign-out", "/logout"],
    ["very long", `/${"a".repeat(3000)}`],
  ])("refuses %s", (_name, value) => {
    expect(safeRedirectTarget(value)).toBe("/");
  });

  it.each([null, undefined, 42, {}, ["/jobs"]])("refuses a non-string %j", (value) => {
    expect(safeRedirectTarget(value)).toBe("/");
  });

  it.each([
    "/\uFF0F\uFF0Fevil.example", // fullwidth solidus
    "/\u2215\u2215evil.example", // division slash
    "/\u2044evil.example", // fraction slash
    "/\u3002evil.example", // ideographic full stop
    "/\uFE68evil.example", // small reverse solidus
    "/\u200B/evil.example", // zero-width space
  ])("keeps unicode lookalikes %j on this site, percent-encoded", (value) => {
    const target = safeRedirectTarget(value);
    expect(target.startsWith("/")).toBe(true);
    expect(target.startsWith("//")).toBe(false);
    expect(target).toMatch(/^[\x21-\x7E]+$/);
    expect(followedOrigin(target)).toBe(ORIGIN);
  });

  it("never hands the browser anything that leaves the origin, whatever the input", () => {
    const pieces = ["/", "\\", "//", "%2F", "%5C", "%09", "\t", "..", ".", "evil.example", "@", ":", "?", "#", "%", "\u3002", "login"];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const target = safeRedirectTarget(`${a}${b}${c}`);
          expect(followedOrigin(target), JSON.stringify(`${a}${b}${c}`)).toBe(ORIGIN);
          // eslint-disable-next-line no-control-regex -- no control character may reach the Location header
          expect(target.startsWith("/") && !target.startsWith("//") && !/[\\\u0000-\u001F]/.test(target)).toBe(true);
        }
      }
    }
  });
});
