import { expect, test, type Page } from "@playwright/test";
import { z } from "zod";
import { XSS_MARKER, XSS_PAYLOADS } from "../../commerce/integration-tests/http/injection-payloads";
import { commerceAsOwner } from "./commerce-api";
import { demo, signInAs } from "./helpers";

/**
 * Stored XSS: the XSS payloads are saved through the commerce API into every kind of record the
 * console shows (jobs, notes, customers, chats, knowledge, quotations, suppliers), then each page
 * showing them is opened in Chromium. No script may run (no `window.__xss`, no dialog), no
 * `javascript:` link may be rendered, and the text must be shown as text. CSP violations the
 * browser reports are listed.
 */

const any = z.any();
const stamp = Date.now() % 10_000;
const phone = (i: number) => `+6019770${String((stamp + i * 37) % 10_000).padStart(4, "0")}`;
const CHAT_PHONE = phone(9);

interface Stored {
  jobs: Array<{ id: string; customerId: string; token: string }>;
  quotationId: string;
  knowledgeIds: string[];
}
const stored: Stored = { jobs: [], quotationId: "", knowledgeIds: [] };
const cspViolations = new Set<string>();

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const commerce = commerceAsOwner();
  const post = (path: string, body: unknown) => commerce.request("POST", path, any, body);
  for (const [i, { value }] of XSS_PAYLOADS.entries()) {
    const { repair_job: job } = await post("/admin/repair-jobs", {
      customer: { name: value, phone: phone(i) }, device_type: "phone", brand: value, model: value, issue: value,
      colour: value, accessories: [value], condition_notes: value,
    });
    await post(`/admin/repair-jobs/${job.id}`, { note: value, diagnosis: value });
    await post(`/admin/repair-jobs/${job.id}/status`, { status: "in_progress", note: value });
    await post(`/admin/crm/customers/${job.customer_id}/notes`, { body: value });
    const { document } = await post("/admin/concierge/knowledge", { kind: "faq", title: value, body: `${value} xss-check`, language: "mixed" });
    stored.knowledgeIds.push(document.id);
    await post("/admin/inventory/suppliers", { name: `${value} ${stamp}`, contact_name: value, address: value, notes: value });
    await post("/admin/whatsapp/simulator/inbound", { from: CHAT_PHONE, body: value, name: XSS_PAYLOADS[0]!.value });
    stored.jobs.push({ id: job.id, customerId: job.customer_id, token: job.tracking_token });
  }
  const { quotation } = await post("/admin/invoicing/quotations", {
    buyer: { name: XSS_PAYLOADS[0]!.value, address: XSS_PAYLOADS[1]!.value },
    lines: XSS_PAYLOADS.map((p) => ({ description: p.value, kind: "service", quantity: 1, unit_price_sen: 1000 })),
    notes: XSS_PAYLOADS[2]!.value,
  });
  stored.quotationId = quotation.id;
});

test.afterAll(async () => {
  // Knowledge documents feed the concierge's answers: leave none of these behind.
  const commerce = commerceAsOwner();
  for (const id of stored.knowledgeIds) await commerce.request("DELETE", `/admin/concierge/knowledge/${id}`, any).catch(() => undefined);
  console.log(`[xss] CSP violations reported by Chromium: ${cspViolations.size ? [...cspViolations].join(" | ") : "none"}`);
});

/** Opens a page with the traps set and answers what ran and what was shown. */
async function inspect(page: Page, url: string) {
  const dialogs: string[] = [];
  const errors: string[] = [];
  const onDialog = (d: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  const onError = (e: Error) => errors.push(e.message.slice(0, 160));
  page.on("dialog", onDialog);
  page.on("pageerror", onError);
  const response = await page.goto(url, { waitUntil: "load" });
  // Broken images fire onerror around load; give event handlers a moment to run.
  await page.waitForTimeout(150);
  const result = await page.evaluate(
    ({ marker, payloads }) => ({
      ran: Reflect.get(window, marker) !== undefined,
      jsLinks: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length,
      shown: payloads.filter((p) => document.body.innerText.includes(p)).length,
    }),
    { marker: XSS_MARKER, payloads: XSS_PAYLOADS.map((p) => p.value) },
  );
  page.off("dialog", onDialog);
  page.off("pageerror", onError);
  return { status: response?.status() ?? 0, dialogs, errors, ...result };
}

function watchCsp(page: Page) {
  page.on("console", (msg) => {
    if (msg.type() === "error" && /content[- ]security[- ]policy|\bCSP\b/i.test(msg.text())) cspViolations.add(`${new URL(page.url()).pathname}: ${msg.text().slice(0, 200)}`);
  });
}

test("the traps notice a payload that does run (so a clean page means something)", async ({ page }) => {
  await page.setContent(`<body>${XSS_PAYLOADS.map((p) => p.value).join("")}</body>`);
  await page.waitForTimeout(150);
  expect(await page.evaluate((marker): unknown => Reflect.get(window, marker), XSS_MARKER)).toBe(1);
});

test("staff pages show stored XSS payloads as text and run none of them", async ({ page }) => {
  test.setTimeout(120_000);
  watchCsp(page);
  await signInAs(page, demo.owner);
  const pages: Array<{ url: string; mustShow: boolean }> = [
    { url: "/jobs", mustShow: true },
    { url: "/jobs/board", mustShow: true },
    ...stored.jobs.map((j) => ({ url: `/jobs/${j.id}`, mustShow: true })),
    { url: "/customers", mustShow: true },
    ...stored.jobs.map((j) => ({ url: `/customers/${j.customerId}`, mustShow: true })),
    { url: "/inbox", mustShow: false },
    { url: `/inbox/${encodeURIComponent(CHAT_PHONE)}`, mustShow: true },
    { url: `/whatsapp/simulator?phone=${encodeURIComponent(CHAT_PHONE)}`, mustShow: true },
    { url: `/whatsapp/messages?phone=${encodeURIComponent(CHAT_PHONE)}`, mustShow: true },
    { url: "/knowledge", mustShow: true },
    { url: "/invoicing/quotations", mustShow: true },
    { url: `/invoicing/quotations/${stored.quotationId}`, mustShow: true },
    { url: "/inventory/suppliers", mustShow: true },
  ];
  const problems: string[] = [];
  for (const { url, mustShow } of pages) {
    const seen = await inspect(page, url);
    if (seen.status >= 400) problems.push(`${url}: HTTP ${seen.status}`);
    if (seen.ran) problems.push(`${url}: a payload ran (window.${XSS_MARKER} is set)`);
    if (seen.dialogs.length) problems.push(`${url}: dialogs ${seen.dialogs.join(", ")}`);
    if (seen.jsLinks) problems.push(`${url}: ${seen.jsLinks} javascript: URLs in links, sources or forms`);
    if (mustShow && seen.shown === 0) problems.push(`${url}: none of the stored payloads is shown as text`);
    if (seen.errors.length) problems.push(`${url}: the page failed in the browser: ${seen.errors.join("; ")}`);
  }
  console.log(`[xss] ${pages.length} staff pages opened with ${XSS_PAYLOADS.length} stored payloads: ${problems.length} problems`);
  expect(problems, problems.join("\n")).toEqual([]);
});

test("the public tracking page shows a stored payload as text and runs none", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  watchCsp(page);
  const problems: string[] = [];
  for (const job of stored.jobs) {
    const url = `/track/${encodeURIComponent(job.token)}`;
    const seen = await inspect(page, url);
    if (seen.status !== 200) problems.push(`${url}: HTTP ${seen.status}`);
    if (seen.ran || seen.dialogs.length || seen.jsLinks) problems.push(`${url}: ran ${seen.ran}, dialogs ${seen.dialogs.length}, javascript: URLs ${seen.jsLinks}`);
    if (seen.shown === 0) problems.push(`${url}: the stored brand/model is not shown as text`);
    if (seen.errors.length) problems.push(`${url}: the page failed in the browser: ${seen.errors.join("; ")}`);
  }
  await context.close();
  expect(problems, problems.join("\n")).toEqual([]);
});
