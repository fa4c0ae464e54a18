import type { DeviceType, Priority, RepairStatus, StaffRole } from "@voltura/domain";

/** Prices in integer sen; converted to Medusa's ringgit amounts at the edge. */
export interface DemoItem {
  title: string;
  sku: string;
  barcode?: string;
  priceSen: number;
  kind: "part" | "accessory" | "service";
  stock?: number;
  description: string;
  /** Warranty on the part or service, from delivery (product metadata.warranty_days). */
  warrantyDays?: number;
}

export const DEMO_PASSWORD = "VolturaDemo#2026";

export const DEMO_STAFF: Array<{ email: string; name: string; role: StaffRole }> = [
  { email: "owner@voltura.demo", name: "Farid Owner", role: "owner" },
  { email: "manager@voltura.demo", name: "Mei Ling Manager", role: "manager" },
  { email: "cashier@voltura.demo", name: "Siti Cashier", role: "cashier" },
  { email: "tech@voltura.demo", name: "Ravi Technician", role: "technician" },
];

export const DEMO_ITEMS: DemoItem[] = [
  { title: "iPhone 13 Screen (OEM)", sku: "PART-IP13-LCD-OEM", barcode: "9555000100013", priceSen: 35000, kind: "part", stock: 6, description: "OEM OLED assembly for iPhone 13", warrantyDays: 90 },
  { title: "iPhone 11 Battery (Original)", sku: "PART-IP11-BAT-ORI", barcode: "9555000100020", priceSen: 16000, kind: "part", stock: 8, description: "Original-grade battery, 3110 mAh", warrantyDays: 180 },
  { title: "Samsung A54 Charging Port (Compatible)", sku: "PART-A54-PORT-CMP", barcode: "9555000100037", priceSen: 4500, kind: "part", stock: 12, description: "USB-C charging port flex" },
  { title: "Redmi Note 12 Screen (Compatible)", sku: "PART-RN12-LCD-CMP", barcode: "9555000100044", priceSen: 18000, kind: "part", stock: 3, description: "Compatible LCD with frame" },
  { title: "Laptop SSD 512GB NVMe", sku: "PART-SSD-512-NVME", barcode: "9555000100051", priceSen: 22900, kind: "part", stock: 5, description: "NVMe M.2 2280, 512GB", warrantyDays: 365 },
  { title: "Tempered Glass Screen Protector", sku: "ACC-TG-UNIV", barcode: "9555000200012", priceSen: 2500, kind: "accessory", stock: 40, description: "9H tempered glass, fitted at the counter" },
  { title: "USB-C Cable 1m", sku: "ACC-USBC-1M", barcode: "9555000200029", priceSen: 1990, kind: "accessory", stock: 30, description: "60W braided cable" },
  { title: "20W USB-C Charger", sku: "ACC-CHG-20W", barcode: "9555000200036", priceSen: 4990, kind: "accessory", stock: 15, description: "SIRIM-certified 20W PD charger" },
  { title: "Diagnostic Fee", sku: "SVC-DIAG", priceSen: 3000, kind: "service", description: "Full device diagnosis; waived when the repair is approved" },
  { title: "Screen Replacement Labour", sku: "SVC-LAB-SCREEN", priceSen: 8000, kind: "service", description: "Fixed price labour for screen replacement" },
  { title: "Battery Replacement Labour", sku: "SVC-LAB-BATT", priceSen: 5000, kind: "service", description: "Fixed price labour for battery replacement" },
  { title: "Laptop Labour (per hour)", sku: "SVC-LAB-HOUR", priceSen: 6000, kind: "service", description: "Bench time, billed per hour" },
];

export const DEMO_CUSTOMERS = [
  { name: "Aisyah Rahman", phone: "012-345 6789" },
  { name: "Tan Wei Jie", phone: "016-220 1144" },
  { name: "Muthu Krishnan", phone: "019-887 6650" },
  { name: "Nurul Huda", phone: "011-2345 6789" },
  { name: "Syarikat Teknik Maju (Corporate)", phone: "03-2141 1234" },
  { name: "Lim Ah Kow", phone: "017-555 0101" },
];

/** One job per status; `path` is the moves from Pending that lead to it. */
export const DEMO_JOBS: Array<{
  customer: number; device_type: DeviceType; brand: string; model: string; issue: string; priority: Priority; path: RepairStatus[];
  intake?: { imei_serial?: string; colour?: string; accessories?: string[]; condition_notes?: string; deposit_sen?: number };
  diagnosis?: string;
  /** Back-dates the intake by this many hours so the job is past its SLA. */
  overdueHours?: number;
}> = [
  { customer: 0, device_type: "phone", brand: "Apple", model: "iPhone 13", issue: "Screen cracked after a drop, touch still works", priority: "normal", path: [],
    intake: { imei_serial: "356938035643809", colour: "Starlight", accessories: ["Case", "SIM tray"], condition_notes: "Spider crack top-left, frame dented", deposit_sen: 5000 } },
  { customer: 1, device_type: "phone", brand: "Samsung", model: "Galaxy A54", issue: "Not charging, port loose", priority: "high", path: ["in_progress"],
    intake: { imei_serial: "490154203237518", colour: "Awesome Graphite", accessories: ["Charger"] },
    diagnosis: "USB-C port flex worn; replace the charging port (compatible part in stock)", overdueHours: 30 },
  { customer: 2, device_type: "laptop", brand: "Lenovo", model: "ThinkPad T14", issue: "Slow boot, suspected failing SSD", priority: "normal", path: ["awaiting_approval"] },
  { customer: 3, device_type: "phone", brand: "Xiaomi", model: "Redmi Note 12", issue: "Display lines, needs new screen", priority: "low", path: ["awaiting_parts"] },
  { customer: 4, device_type: "laptop", brand: "Dell", model: "Latitude 5420", issue: "Keyboard keys not responding", priority: "urgent", path: ["in_progress", "completed"] },
  { customer: 5, device_type: "phone", brand: "Apple", model: "iPhone 11", issue: "Battery drains fast, health 71%", priority: "normal", path: ["in_progress", "completed", "delivered"] },
  { customer: 1, device_type: "tablet", brand: "Apple", model: "iPad 9th gen", issue: "Customer changed mind about repair", priority: "low", path: ["cancelled"] },
  { customer: 2, device_type: "console", brand: "Sony", model: "PlayStation 5", issue: "HDMI port damaged; board repair declined", priority: "normal", path: ["awaiting_approval", "returned_unrepaired"] },
];
