import { DEFAULT_SHOP_SETTINGS } from "@voltura/domain";
import type { IntakeSlipData, InvoiceDocumentData, QuoteDocumentData } from "../index.js";

export const shop = { ...DEFAULT_SHOP_SETTINGS.business, public_url: "https://servis.voltura.my" };
export const terms = DEFAULT_SHOP_SETTINGS.repair.terms;
/** 32 random bytes in base64url, as the repair plugin mints them. */
export const TRACKING_TOKEN = "q3Vx8R0mZbT1kLw9cYf2Hn7Js5Ad4Pe6GuQo1Ir3Ms8";
export const TRACKING_URL = `https://servis.voltura.my/track/${TRACKING_TOKEN}`;
export const WHATSAPP_URL = "https://wa.me/60123450000?text=STATUS%20VSH-2026-000123";

export const intakeSlip: IntakeSlipData = {
  shop,
  terms,
  job_number: "VSH-2026-000123",
  tracking_token: TRACKING_TOKEN,
  received_at: "2026-03-05T07:05:00.000Z",
  received_by: "Aisyah",
  customer: { name: "Nurul Aina binti Razak", phone: "+60123456789" },
  device: { type: "phone", brand: "Samsung", model: "Galaxy S23 Ultra", imei_or_serial: "356789104512345", colour: "Phantom Black" },
  accessories: ["Casing", "SIM tray", "Charger (USB-C)"],
  condition: "Screen cracked at top-left corner; back glass scratched; powers on, touch unresponsive.",
  reported_issue: "Dropped on the floor at the LRT station. Screen flickers green and touch does not respond in the lower half. Customer needs WhatsApp data kept — do not factory reset.",
  priority: "high",
  deposit_sen: 5000,
  estimated_completion_at: "2026-03-07T10:00:00.000Z",
};

const device = { type: "phone", brand: "Samsung", model: "Galaxy S23 Ultra", imei_or_serial: "356789104512345" } as const;
const customer = { name: "Nurul Aina binti Razak", phone: "+60123456789" };
const tax = DEFAULT_SHOP_SETTINGS.tax;

/** RM 250 screen + RM 100 labour (2 h × RM 50) = RM 350; SST 8% = RM 28; total RM 378. */
export const quote: QuoteDocumentData = {
  shop, tax, terms, customer, device,
  job_number: "VSH-2026-000123",
  quote_number: "QT-2026-000045",
  version: 2,
  issued_at: "2026-03-05T09:30:00.000Z",
  valid_until: "2026-03-12T15:59:59.000Z",
  diagnosis: "Display assembly damaged (OLED bleeding, digitizer failure). Frame slightly bent at top-left; battery health 91%, no water damage found.",
  lines: [
    { kind: "part", description: "Display assembly with frame (Galaxy S23 Ultra)", grade: "Original (service pack)", quantity: 1, unit_price_sen: 25000 },
    { kind: "labour_hourly", description: "Screen replacement and frame straightening", hours: 2, hourly_rate_sen: 5000 },
    { kind: "fee", description: "Diagnostic fee", amount_sen: 3000, waived: true },
  ],
  deposit_paid_sen: 5000,
};

export const invoice: InvoiceDocumentData = {
  shop, tax, terms, customer, device,
  job_number: "VSH-2026-000123",
  invoice_number: "INV-2026-000310",
  order_reference: "#1042",
  issued_at: "2026-03-07T08:15:00.000Z",
  lines: [
    { kind: "part", description: "Display assembly with frame (Galaxy S23 Ultra)", grade: "original", quantity: 1, unit_price_sen: 25000, warranty_days: 90 },
    { kind: "labour_fixed", description: "Screen replacement", amount_sen: 10000, warranty_days: 30 },
    { kind: "fee", description: "Diagnostic fee", amount_sen: 3000, waived: true },
  ],
  payments: [
    { method: "cash", amount_sen: 5000, paid_at: "2026-03-05T07:06:00.000Z", reference: "Deposit" },
    { method: "duitnow_qr", amount_sen: 32800, paid_at: "2026-03-07T08:20:00.000Z", reference: "M2603071820" },
  ],
};
