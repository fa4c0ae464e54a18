// Lighthouse against the running console: signs staff in through /login and audits pages with
// their session cookie in Debian's Chromium (no browser download). Used by scripts/bench/lighthouse.mjs.
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
/** Lighthouse's own presets: desktop (no throttling of the CPU, wide screen) and its default, a throttled mobile. */
export const PRESETS = { desktop: desktopConfig, mobile: undefined };
/** Scores (0-100) a page must reach; SEO is reported but does not apply to a signed-in console. */
export const TARGETS = { desktop: 95, mobile: 90 };
export const TARGET_CATEGORIES = ["performance", "accessibility", "best-practices"];

/** Signs in through the console's form; answers the Cookie header its answer sets (session + locale). */
export async function signIn(consoleUrl, email, password) {
  const res = await fetch(`${consoleUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "text/html", origin: consoleUrl },
    body: new URLSearchParams({ email, password }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !c.endsWith("="));
  if (res.status !== 303 || cookies.length === 0) {
    const said = (await res.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300);
    throw new Error(`sign-in as ${email} answered ${res.status} without a session cookie: ${said}`);
  }
  return cookies.join("; ");
}

export async function launchChromium() {
  return chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    logLevel: "silent",
  });
}

const round = (n, digits = 0) => (n === undefined || n === null ? null : Number(n.toFixed(digits)));

/** What to fix first: failing audits of the targeted categories, biggest estimated saving first. */
function findings(lhr) {
  const ids = new Set(TARGET_CATEGORIES.flatMap((c) => lhr.categories[c]?.auditRefs.filter((r) => r.weight > 0 || c === "performance").map((r) => r.id) ?? []));
  return [...ids]
    .map((id) => lhr.audits[id])
    .filter((a) => a && a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
    .map((a) => ({ id: a.id, score: a.score, savingsMs: round(a.metricSavings?.LCP ?? a.details?.overallSavingsMs), savingsBytes: round(a.details?.overallSavingsBytes), display: a.displayValue ?? "" }))
    .sort((a, b) => (b.savingsMs ?? 0) - (a.savingsMs ?? 0) || a.score - b.score)
    .slice(0, 12);
}

/** Puts the session cookies into the browser's jar (DevTools protocol), so every request sends them, live updates' EventSource included. */
async function setBrowserCookies(port, url, cookie) {
  const { webSocketDebuggerUrl } = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const socket = new WebSocket(webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = reject; });
  const cookies = cookie.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url, path: "/", httpOnly: true };
  });
  const answer = new Promise((resolve) => { socket.onmessage = (event) => resolve(JSON.parse(String(event.data))); });
  socket.send(JSON.stringify({ id: 1, method: "Storage.setCookies", params: { cookies } }));
  const reply = await answer;
  socket.close();
  if (reply.error) throw new Error(`setting the session cookie failed: ${reply.error.message}`);
}

/**
 * One Lighthouse run of `url` with `preset` in a fresh browser signed in with `cookie`. The browser's
 * profile is new, so the cache is cold without Lighthouse's storage reset (which would drop the cookie).
 */
export async function audit(port, url, preset, cookie) {
  await setBrowserCookies(port, new URL(url).origin, cookie);
  const flags = { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES, disableStorageReset: true };
  const result = await lighthouse(url, flags, PRESETS[preset]);
  const lhr = result.lhr;
  if (lhr.runtimeError) throw new Error(`${url} (${preset}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) throw new Error(`${url} (${preset}) ended at ${lhr.finalDisplayedUrl}: not signed in?`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score === null ? null : Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  return {
    scores,
    lcpMs: round(lhr.audits["largest-contentful-paint"]?.numericValue),
    tbtMs: round(lhr.audits["total-blocking-time"]?.numericValue),
    cls: round(lhr.audits["cumulative-layout-shift"]?.numericValue, 3),
    fcpMs: round(lhr.audits["first-contentful-paint"]?.numericValue),
    ttfbMs: round(lhr.audits["server-response-time"]?.numericValue),
    findings: findings(lhr),
    consoleErrors: (lhr.audits["errors-in-console"]?.details?.items ?? []).map((i) => `${i.source ?? ""}: ${String(i.description ?? "").slice(0, 200)}`),
  };
}

/** The median run by performance score (Lighthouse's own advice for noisy machines). */
export function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)], runs: runs.length };
}

/** The targeted categories under the preset's target, e.g. ["performance 88"]. */
export function underTarget(result, preset) {
  return TARGET_CATEGORIES.filter((c) => result.scores[c] !== null && result.scores[c] < TARGETS[preset]).map((c) => `${c} ${result.scores[c]}`);
}
