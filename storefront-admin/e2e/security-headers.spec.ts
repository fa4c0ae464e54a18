import { expect, test, type Page } from "@playwright/test";
import { demo, DEMO_PASSWORD, signInAs } from "./helpers";

/**
 * The console's Content-Security-Policy and security headers, in a real browser: every page
 * renders and hydrates with no policy violation; exports are for owners and managers only;
 * sign-in never sends anyone to another site.
 */

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) fromConsole.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  return async () => [...(await page.evaluate(() => window.__cspViolations)), ...fromConsole];
}

const MANAGER_PAGES = [
  "/", "/jobs", "/jobs/new", "/jobs/board", "/customers", "/customers/new", "/inventory", "/inventory/purchase-orders",
  "/pos", "/invoicing/quotations", "/invoicing/invoices", "/reports", "/inbox", "/knowledge", "/whatsapp/sessions", "/whatsapp/simulator",
  "/settings/shop", "/settings/staff", "/settings/documents",
];

test("every page renders under the Content-Security-Policy with no violation", async ({ page }) => {
  const violations = await recordViolations(page);
  await signInAs(page, demo.manager);
  for (const path of MANAGER_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const headers = response?.headers() ?? {};
    const csp = headers["content-security-policy"] ?? "";
    expect(csp, path).toMatch(/(^|; )script-src 'self' 'nonce-[^']+'(;|$)/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=(self)");
    // Hydrated: the main navigation answers clicks only once Svelte runs.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.waitForLoadState("networkidle");
  }
  // A client-side navigation and a form post (progressive enhancement) under the same policy.
  await page.goto("/customers");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).first().click();
  await expect(page).toHaveURL(/\/jobs/);
  expect(await violations()).toEqual([]);
});

test("an inline script injected into a page is refused by the policy", async ({ page }) => {
  await page.goto("/login");
  const ran = await page.evaluate(async () => {
    const blocked = new Promise<boolean>((resolve) => {
      document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective.startsWith("script-src")), { once: true });
      setTimeout(() => resolve(false), 2000);
    });
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return { blocked: await blocked, executed: Reflect.get(window, "__injected") === true };
  });
  expect(ran).toEqual({ blocked: true, executed: false });
});

test("cashiers and technicians see no export buttons and cannot export", async ({ page }) => {
  for (const who of [demo.cashier, demo.technician]) {
    await page.context().clearCookies();
    await signInAs(page, who);
    for (const path of ["/customers", "/inventory"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
      const answer = await page.request.get(`${path}/export`, { maxRedirects: 0 });
      expect(answer.status(), `${who} ${path}/export`).toBe(403);
    }
  }
});

test("sign-in does not follow a redirect to another site", async ({ page, baseURL }) => {
  await page.goto(`/login?redirectTo=${encodeURIComponent("/\t/evil.example")}`);
  await page.getByLabel("Email").fill(demo.manager);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL((url) => url.origin === new URL(baseURL ?? "").origin && url.pathname === "/");
});
