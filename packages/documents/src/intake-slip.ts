import { DEVICE_TYPE_LABELS, PRIORITY_LABELS } from "./labels.js";
import { trackingUrl, whatsappStatusLink } from "./links.js";
import { displayPhone, formatMYR, shopContactLines, shopDateTime } from "./internal/format.js";
import { drawSlipA5 } from "./internal/slip-a5.js";
import { drawSlipThermal } from "./internal/slip-thermal.js";
import { intakeSlipSchema, type IntakeSlip, type IntakeSlipData } from "./schemas.js";

export type IntakeSlipLayout = "a5" | "thermal80";

/** Everything the slip prints, already formatted; both layouts draw from this. */
export interface SlipView {
  shopName: string;
  shopLines: string[];
  jobNumber: string;
  receivedAt: string;
  receivedBy: string | null;
  customerName: string;
  customerPhone: string;
  device: Array<[label: string, value: string]>;
  accessories: string;
  condition: string;
  issue: string;
  priority: string;
  deposit: string;
  estimatedCompletion: string | null;
  terms: string;
  trackingUrl: string;
  whatsappUrl: string;
}

export const SLIP_TEXT = {
  title: "Repair Intake Slip",
  titleMs: "Slip Penerimaan Baiki",
  trackCaption: "Track your repair / Semak status",
  whatsappCaption: "WhatsApp us / Semak melalui WhatsApp",
  none: "None / Tiada",
  signature: "Customer signature / Tandatangan pelanggan",
  signatureNote: "I agree to the terms above. / Saya bersetuju dengan terma di atas.",
  receivedBy: "Received by / Diterima oleh",
} as const;

export function slipView(slip: IntakeSlip): SlipView {
  const device: Array<[string, string]> = [
    ["Item / Jenis barang", DEVICE_TYPE_LABELS[slip.device.type]],
    ["Brand / Jenama", slip.device.brand],
    ["Model", slip.device.model],
  ];
  if (slip.device.imei_or_serial) device.push(["IMEI / Serial No.", slip.device.imei_or_serial]);
  if (slip.device.colour) device.push(["Colour / Warna", slip.device.colour]);
  return {
    shopName: slip.shop.name,
    shopLines: shopContactLines(slip.shop),
    jobNumber: slip.job_number,
    receivedAt: shopDateTime(slip.received_at),
    receivedBy: slip.received_by?.trim() || null,
    customerName: slip.customer.name,
    customerPhone: displayPhone(slip.customer.phone),
    device,
    accessories: slip.accessories.length > 0 ? slip.accessories.join(", ") : SLIP_TEXT.none,
    condition: slip.condition.trim() || "Not recorded / Tidak direkodkan",
    issue: slip.reported_issue,
    priority: PRIORITY_LABELS[slip.priority],
    deposit: formatMYR(slip.deposit_sen),
    estimatedCompletion: slip.estimated_completion_at ? shopDateTime(slip.estimated_completion_at) : null,
    terms: slip.terms.trim(),
    trackingUrl: trackingUrl(slip.shop.public_url, slip.tracking_token),
    whatsappUrl: whatsappStatusLink(slip.shop.whatsapp, slip.job_number),
  };
}

/**
 * The slip handed to the customer at intake, as a PDF: `a5` (148 × 210 mm) for a laser printer or
 * `thermal80` (80 mm roll, as long as the content). Throws a ZodError naming the field on bad input.
 */
export async function renderIntakeSlip(data: IntakeSlipData, options: { layout: IntakeSlipLayout }): Promise<Buffer> {
  const view = slipView(intakeSlipSchema.parse(data));
  const meta = {
    title: `${SLIP_TEXT.title} ${view.jobNumber}`,
    author: view.shopName,
    subject: `${SLIP_TEXT.title} / ${SLIP_TEXT.titleMs}`,
    createdAt: new Date(data.received_at),
  };
  switch (options.layout) {
    case "a5":
      return drawSlipA5(view, meta);
    case "thermal80":
      return drawSlipThermal(view, meta);
    default:
      throw new TypeError(`unknown intake slip layout: ${String(options.layout)}`);
  }
}
