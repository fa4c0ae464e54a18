import type { DeviceType, Priority } from "@voltura/domain";
import type { PAYMENT_METHODS } from "./schemas.js";

/** English / Malay labels, as printed. */
export const DEVICE_TYPE_LABELS: Record<DeviceType, string> = {
  phone: "Phone / Telefon",
  tablet: "Tablet",
  laptop: "Laptop / Komputer riba",
  console: "Game console / Konsol permainan",
  other: "Other / Lain-lain",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  low: "Low / Rendah",
  normal: "Normal / Biasa",
  high: "High / Tinggi",
  urgent: "Urgent / Segera",
};

export const PAYMENT_METHOD_LABELS: Record<(typeof PAYMENT_METHODS)[number], string> = {
  cash: "Cash / Tunai",
  card: "Card / Kad",
  duitnow_qr: "DuitNow QR",
  fpx: "FPX online banking",
  ewallet: "e-Wallet / e-Dompet",
  bank_transfer: "Bank transfer / Pindahan bank",
  other: "Other / Lain-lain",
};

/** Labels for the part grades the billing code uses; other grades print as given. */
export const PART_GRADE_LABELS: Record<string, string> = {
  original: "Original / Asli",
  oem: "OEM",
  compatible: "Compatible / Serasi",
};
