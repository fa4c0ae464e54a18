import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { shopSettingsPatchSchema } from "@voltura/domain";
import {
  addCustomerDeviceBodySchema,
  addCustomerNoteBodySchema,
  addRepairLineBodySchema,
  changeStatusBodySchema,
  conciergeAnswerBodySchema,
  createCrmCustomerBodySchema,
  createPurchaseOrderBodySchema,
  createQuotationBodySchema,
  createRepairJobBodySchema,
  createSalesInvoiceBodySchema,
  createStockAdjustmentBodySchema,
  createStockTakeBodySchema,
  documentTemplateBodySchema,
  draftBodySchema,
  einvoiceProfileBodySchema,
  knowledgeDocumentBodySchema,
  knowledgeSearchBodySchema,
  openHandoffBodySchema,
  posCheckoutBodySchema,
  recordStockTakeCountBodySchema,
  sendWhatsAppBodySchema,
  simulatorInboundBodySchema,
  supplierBodySchema,
  supplierItemBodySchema,
  updateCrmCustomerBodySchema,
  updateRepairJobBodySchema,
  setupBodySchema,
  updateSupplierBodySchema,
} from "@voltura/contracts";
import { createStaffBodySchema, updateStaffBodySchema } from "../../../plugins/platform/src/api/admin/staff/validators";
import { jobBody } from "./helpers";
import { b2bBuyer, einvoiceProfile, quotationBody } from "./invoicing-helpers";
import type { Answer, Send, WriteRoute } from "./injection-harness";

/** What the routes write into: records made once before the payloads run. */
export interface InjectionFixture {
  customerId: string;
  jobId: string;
  statusJobId: string;
  linesJobId: string;
  supplierId: string;
  staffId: string;
  serviceVariantId: string;
  inventoryItemId: string;
  stockTakeId: () => Promise<string>;
}

/** A unique Malaysian mobile number per request (011 + 8 digits). */
export const phoneFor = (seq: number) => `011${String(40_000_000 + seq).padStart(8, "0")}`;
export const CHAT_PHONE = "+60129990001";
const STRONG_PASSWORD = "Tq7#vLp2!Rz9-kW4mB";

/** The staff API's write routes with a valid body each and where their stored text is read back. */
export function writeRoutes(fx: InjectionFixture, send: Send): WriteRoute[] {
  const get = async (path: string, key: string) => (await send("GET", path)).data?.[key];
  const job = (id: string) => get(`/admin/repair-jobs/${id}`, "repair_job");
  const customer = () => get(`/admin/crm/customers/${fx.customerId}`, "customer");
  return [
    {
      name: "POST /admin/repair-jobs (intake)", path: () => "/admin/repair-jobs", schema: createRepairJobBodySchema, parallel: true,
      body: (seq) => jobBody({ customer: { name: "Aisyah Rahman", phone: phoneFor(seq) }, accessories: ["charger"], colour: "Black", condition_notes: "Scratched" }),
      read: async (a) => {
        const j = await job(a.data.repair_job.id);
        return { ...j, "customer.name": j.customer_name };
      },
    },
    {
      name: "POST /admin/repair-jobs/:id (notes, diagnosis)", path: () => `/admin/repair-jobs/${fx.jobId}`, schema: updateRepairJobBodySchema,
      body: () => ({ note: "Checked the board" }),
      read: async () => {
        const j = await job(fx.jobId);
        const notes = (j.events as Array<{ kind: string; detail: { text?: string } }>).filter((e) => e.kind === "note" && e.detail.text !== undefined);
        return { ...j, note: notes.at(-1)?.detail.text };
      },
    },
    {
      name: "POST /admin/repair-jobs/:id/status (note)", path: () => `/admin/repair-jobs/${fx.statusJobId}/status`, schema: changeStatusBodySchema,
      body: async () => ({ status: (await job(fx.statusJobId)).status === "in_progress" ? "awaiting_parts" : "in_progress", note: "Moving on" }),
      read: async () => ({ note: (await job(fx.statusJobId)).status_history.at(-1)?.note }),
    },
    {
      name: "POST /admin/repair-jobs/:id/lines (labour title)", path: () => `/admin/repair-jobs/${fx.linesJobId}/lines`, schema: addRepairLineBodySchema, parallel: true,
      body: () => ({ kind: "labour", title: "Screen fitting", unit_price_sen: 5000 }),
      read: async (a) => a.data.line,
    },
    {
      name: "POST /admin/crm/customers", path: () => "/admin/crm/customers", schema: createCrmCustomerBodySchema, parallel: true,
      body: (seq) => ({ name: "Siti Aminah", phone: phoneFor(seq), tags: ["regular"] }),
      read: async (a) => get(`/admin/crm/customers/${a.data.customer.id}`, "customer"),
    },
    {
      name: "POST /admin/crm/customers/:id", path: () => `/admin/crm/customers/${fx.customerId}`, schema: updateCrmCustomerBodySchema,
      body: () => ({ name: "Siti Aminah" }), read: customer,
    },
    {
      name: "POST /admin/crm/customers/:id/notes", path: () => `/admin/crm/customers/${fx.customerId}/notes`, schema: addCustomerNoteBodySchema, parallel: true,
      body: () => ({ body: "Prefers WhatsApp" }),
      read: async (a) => (await customer()).notes.find((n: { id: string }) => n.id === a.data.note.id),
    },
    {
      name: "POST /admin/crm/customers/:id/devices", path: () => `/admin/crm/customers/${fx.customerId}/devices`, schema: addCustomerDeviceBodySchema, parallel: true,
      body: () => ({ device_type: "phone", brand: "Samsung", model: "Galaxy A54", colour: "Lime" }),
      read: async (a) => (await customer()).devices.find((d: { id: string }) => d.id === a.data.device.id),
    },
    {
      name: "POST /admin/concierge/knowledge", path: () => "/admin/concierge/knowledge", schema: knowledgeDocumentBodySchema, parallel: true,
      body: () => ({ kind: "faq", title: "Waktu operasi", body: "Kedai dibuka 10 pagi hingga 8 malam.", language: "mixed" }),
      read: async (a) => a.data.document,
    },
    { name: "POST /admin/concierge/knowledge/search", path: () => "/admin/concierge/knowledge/search", schema: knowledgeSearchBodySchema, body: () => ({ question: "bila buka?" }) },
    {
      name: "POST /admin/concierge/answer", path: () => "/admin/concierge/answer", schema: conciergeAnswerBodySchema,
      // A phone per message: a handoff the bot opens would keep it quiet for the rest of that chat.
      body: (seq) => ({ phone: `+6${phoneFor(seq)}`, body: "status phone saya?", message_id: `inj-${seq}` }),
      read: async (_a, body) => ({ body: await customerTurn(send, body.phone as string, body.message_id as string) }),
    },
    {
      name: "POST /admin/concierge/handoffs", group: "chat", path: () => "/admin/concierge/handoffs", schema: openHandoffBodySchema,
      body: () => ({ phone: CHAT_PHONE, reason: "Customer asks for a person", summary: "Wants a discount" }),
      read: async (a) => a.data.handoff,
      // A phone has one open handoff: close each so the next request opens a new one.
      cleanup: async (a) => void (await send("POST", `/admin/concierge/handoffs/${a.data.handoff.id}/close`, {})),
    },
    { name: "POST /admin/concierge/draft", group: "chat", path: () => "/admin/concierge/draft", schema: draftBodySchema, body: () => ({ phone: CHAT_PHONE, text: "berapa harga?" }) },
    {
      name: "POST /admin/whatsapp/simulator/inbound", path: () => "/admin/whatsapp/simulator/inbound", schema: simulatorInboundBodySchema,
      body: (seq) => ({ from: CHAT_PHONE, body: "Hi, boleh tanya harga?", name: "Tan Wei Jie", wa_message_id: `WA-INJ-${seq}` }),
      // The sender's name only names a customer the first time their number writes.
      statusOnly: ["name"], read: async (a) => a.data.message,
    },
    {
      name: "POST /admin/whatsapp/messages", path: () => "/admin/whatsapp/messages", schema: sendWhatsAppBodySchema, parallel: true,
      body: (seq) => ({ to: CHAT_PHONE, body: "Your phone is ready", idempotency_key: `inj-send-${seq}`, context: { kind: "staff", ref: "inj" } }),
      // Media is fetched from its URL (the SSRF guard's subject), not stored text.
      skip: ["media.url", "media.mimetype", "media.filename", "media.caption"],
      // A purpose picks the bound template only on a Cloud API number with the window closed; it is not stored.
      statusOnly: ["template_purpose"],
      read: async (a) => ({ ...a.data.message, "context.ref": a.data.message.context_ref }),
    },
    {
      name: "POST /admin/pos/checkout", path: () => "/admin/pos/checkout", schema: posCheckoutBodySchema, parallel: true,
      body: (seq) => ({
        idempotency_key: `inj-sale-${seq}`, customer: { phone: phoneFor(seq), name: "Muthu Krishnan" },
        lines: [{ variant_id: fx.serviceVariantId, quantity: 1 }], payments: [{ method: "cash", amount_sen: 10_000, reference: "drawer 1" }], note: "Walk-in",
      }),
      statusOnly: ["manager_approval.email"],
      read: async (a) => {
        const sale = await get(`/admin/pos/sales/${a.data.sale.id}`, "sale");
        return { ...sale, "customer.name": sale.customer_name };
      },
    },
    {
      name: "POST /admin/invoicing/quotations", path: () => "/admin/invoicing/quotations", schema: createQuotationBodySchema, parallel: true,
      body: () => quotationBody({ notes: "Valid while stocks last", lines: [{ description: "iPhone 13 screen", kind: "item", quantity: 1, unit_price_sen: 45000, sku: "IP13-SCR" }] }),
      read: async (a) => get(`/admin/invoicing/quotations/${a.data.quotation.id}`, "quotation"),
    },
    {
      name: "POST /admin/invoicing/invoices", path: () => "/admin/invoicing/invoices", schema: createSalesInvoiceBodySchema, parallel: true,
      body: () => ({ buyer: b2bBuyer, notes: "Thank you", lines: [{ description: "Battery replacement", kind: "service", quantity: 1, unit_price_sen: 12000, sku: "BAT-SVC" }] }),
      read: async (a) => get(`/admin/invoicing/invoices/${a.data.invoice.id}`, "invoice"),
    },
    {
      name: "POST /admin/invoicing/templates/quotation", path: () => "/admin/invoicing/templates/quotation", schema: documentTemplateBodySchema,
      body: () => ({ header: "Voltura", footer: "Terima kasih", terms: "Harga termasuk SST", accent_colour: "#0f766e" }),
      read: async () => ((await get("/admin/invoicing/templates", "templates")) as Array<{ type: string }>).find((t) => t.type === "quotation"),
    },
    {
      name: "POST /admin/invoicing/einvoice-profile", path: () => "/admin/invoicing/einvoice-profile", schema: einvoiceProfileBodySchema,
      body: () => einvoiceProfile, read: async (a) => a.data.profile,
    },
    {
      name: "POST /admin/inventory/suppliers", path: () => "/admin/inventory/suppliers", schema: supplierBodySchema, parallel: true,
      body: (seq) => ({ name: `Parts Hub ${seq}`, contact_name: "Ah Keong", address: "Low Yat Plaza", notes: "Net 30" }),
      read: async (a) => get(`/admin/inventory/suppliers/${a.data.supplier.id}`, "supplier"),
    },
    {
      name: "POST /admin/inventory/suppliers/:id", path: () => `/admin/inventory/suppliers/${fx.supplierId}`, schema: updateSupplierBodySchema,
      body: () => ({ notes: "Net 30" }), read: async () => get(`/admin/inventory/suppliers/${fx.supplierId}`, "supplier"),
    },
    {
      name: "POST /admin/inventory/suppliers/:id/items", path: () => `/admin/inventory/suppliers/${fx.supplierId}/items`, schema: supplierItemBodySchema,
      body: () => ({ inventory_item_id: fx.inventoryItemId, supplier_sku: "PH-001", cost_sen: 1200 }),
      read: async () => ((await get(`/admin/inventory/suppliers/${fx.supplierId}`, "supplier")).items as Array<{ inventory_item_id: string }>).find((i) => i.inventory_item_id === fx.inventoryItemId),
    },
    {
      name: "POST /admin/inventory/purchase-orders", path: () => "/admin/inventory/purchase-orders", schema: createPurchaseOrderBodySchema, parallel: true,
      body: () => ({ supplier_id: fx.supplierId, note: "Urgent", lines: [{ inventory_item_id: fx.inventoryItemId, quantity: 2, unit_cost_sen: 1200 }] }),
      read: async (a) => get(`/admin/inventory/purchase-orders/${a.data.purchase_order.id}`, "purchase_order"),
    },
    {
      name: "POST /admin/inventory/adjustments (reason note)", path: () => "/admin/inventory/adjustments", schema: createStockAdjustmentBodySchema, parallel: true,
      body: () => ({ inventory_item_id: fx.inventoryItemId, reason: "found", quantity: 1, note: "Found behind the counter" }),
      read: async (a) => a.data.adjustment,
    },
    {
      name: "POST /admin/inventory/stock-takes", group: "stock-take", path: () => "/admin/inventory/stock-takes", schema: createStockTakeBodySchema,
      body: () => ({ note: "Month end" }),
      read: async (a) => a.data.stock_take,
      // One stock take at a time: cancel each so the next can open.
      cleanup: async (a) => void (await send("POST", `/admin/inventory/stock-takes/${a.data.stock_take.id}/cancel`, {})),
    },
    {
      name: "POST /admin/inventory/stock-takes/:id/counts", group: "stock-take", path: async () => `/admin/inventory/stock-takes/${await fx.stockTakeId()}/counts`,
      schema: recordStockTakeCountBodySchema, body: () => ({ code: "9555000900011" }),
    },
    {
      name: "POST /admin/settings (business)", path: () => "/admin/settings", schema: shopSettingsPatchSchema,
      body: () => ({ business: { name: "Voltura Repair" } }),
      read: async () => get("/admin/settings", "settings"),
    },
    {
      name: "POST /admin/staff", path: () => "/admin/staff", schema: createStaffBodySchema, parallel: true,
      body: (seq) => ({ email: `inj-${seq}@staff.test`, name: "Nur Aisyah", role: "technician", password: STRONG_PASSWORD }),
      read: async (a) => get(`/admin/staff/${a.data.staff.id}`, "staff"),
    },
    {
      name: "POST /admin/staff/:id", path: () => `/admin/staff/${fx.staffId}`, schema: updateStaffBodySchema,
      body: () => ({ name: "Nur Aisyah" }), read: async () => get(`/admin/staff/${fx.staffId}`, "staff"),
    },
    ...publicSetupRoute(),
  ];
}

/** The first-run setup (public): staff exist here, so a valid body gets past validation to 409. */
function publicSetupRoute(): WriteRoute[] {
  return [{
    name: "POST /public/setup", path: () => "/public/setup", schema: setupBodySchema, validStatus: 409,
    body: (seq) => ({
      shop: { name: "Kedai Baiki Telefon", phone: "03-2141 1234", address: "12 Jalan Tun Razak", email: "shop@setup.test" },
      owner: { name: "Farid Owner", email: `owner-${seq}@setup.test`, password: STRONG_PASSWORD },
    }),
  }];
}

async function customerTurn(send: Send, phone: string, messageId: string): Promise<string | undefined> {
  const answer: Answer = await send("GET", `/admin/concierge/conversations/${encodeURIComponent(phone)}`);
  const turns = (answer.data?.conversation?.recent_turns ?? []) as Array<{ message_id: string; customer: string }>;
  return turns.find((t) => t.message_id === messageId)?.customer;
}

/** Percent-encodes text for a URL as a browser does (a lone surrogate becomes U+FFFD). */
export function urlText(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
}

/** Percent-encodings that decode to no text at all: a lone surrogate's bytes, a cut-off sequence, a bare %. */
export const MALFORMED_URL_TEXT = ["half%20%ED%A0%80%20pair", "cut%E0%A4", "100%"] as const;

export interface TextInUrlRoute {
  name: string;
  /** The URL with `value` percent-encoded in place (`raw`: already encoded, sent as is). */
  url: (value: string, raw?: boolean) => string;
  public?: boolean;
  /** The text goes in a path parameter (decoded by the router) rather than the query string. */
  inPath?: boolean;
}

/** Every public route with a parameter (tracking links, shared documents, and any added later), read from the plugins. */
export function publicParamRoutes(pluginsDir = path.resolve(process.cwd(), "../plugins")): TextInUrlRoute[] {
  const routes: TextInUrlRoute[] = [];
  for (const plugin of readdirSync(pluginsDir)) {
    const apiDir = path.join(pluginsDir, plugin, "src", "api", "public");
    if (!existsSync(apiDir)) continue;
    for (const file of readdirSync(apiDir, { recursive: true }).map(String).filter((f) => path.basename(f) === "route.ts")) {
      const source = readFileSync(path.join(apiDir, file), "utf8");
      const template = `/public/${path.dirname(file).split(path.sep).join("/")}`;
      if (!/export\s+const\s+GET\b/.test(source) || !/\[[^\]]+\]/.test(template)) continue;
      routes.push({ name: `GET ${template}`, url: (v, raw) => template.replace(/\[[^\]]+\]/g, raw ? v : urlText(v)), public: true, inPath: true });
    }
  }
  return routes;
}

/** Reads that take text in the URL: the public routes' parameters and the staff searches. */
export const textInUrlRoutes: TextInUrlRoute[] = [
  ...publicParamRoutes(),
  { name: "GET /admin/repair-jobs?q=", url: (v) => `/admin/repair-jobs?q=${urlText(v)}` },
  { name: "GET /admin/crm/customers?q=", url: (v) => `/admin/crm/customers?q=${urlText(v)}` },
  { name: "GET /admin/crm/customers/lookup?phone=", url: (v) => `/admin/crm/customers/lookup?phone=${urlText(v)}` },
  { name: "GET /admin/inventory/levels?q=", url: (v) => `/admin/inventory/levels?q=${urlText(v)}` },
  { name: "GET /admin/inventory/suppliers?q=", url: (v) => `/admin/inventory/suppliers?q=${urlText(v)}` },
  { name: "GET /admin/warranties/lookup?imei=", url: (v) => `/admin/warranties/lookup?imei=${urlText(v)}` },
  { name: "GET /admin/concierge/conversations/:phone", url: (v, raw) => `/admin/concierge/conversations/${raw ? v : urlText(v)}`, inPath: true },
];
